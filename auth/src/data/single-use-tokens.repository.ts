import type { Executor } from '@ticketing/common';
import { and, eq, gt, isNull } from 'drizzle-orm';
import { emailVerifications, passwordResets, type PasswordResetRow } from './schema';

/** The two tables of mailed single-use links; both keep only the token's hash, an expiry and when it was used. */
type LinkTable = typeof passwordResets | typeof emailVerifications;
export type SingleUseTokenRow = PasswordResetRow;

function singleUseTokens(table: LinkTable) {
  const usable = (tokenHash: string, at: Date) =>
    and(eq(table.tokenHash, tokenHash), isNull(table.usedAt), gt(table.expiresAt, at));
  return {
    async insert(db: Executor, link: { userId: string; tokenHash: string; expiresAt: Date }): Promise<void> {
      await db.insert(table).values(link);
    },

    /** A newer link replaces the older ones: only the last one mailed works. */
    async retireUnused(db: Executor, userId: string, at: Date): Promise<void> {
      await db
        .update(table)
        .set({ usedAt: at })
        .where(and(eq(table.userId, userId), isNull(table.usedAt)));
    },

    async findUsable(db: Executor, tokenHash: string, at: Date): Promise<SingleUseTokenRow | undefined> {
      const [row] = await db.select().from(table).where(usable(tokenHash, at));
      return row;
    },

    /** Marks the token used if it still is usable; of two concurrent uses exactly one gets the row. */
    async consume(db: Executor, tokenHash: string, at: Date): Promise<SingleUseTokenRow | undefined> {
      const [row] = await db.update(table).set({ usedAt: at }).where(usable(tokenHash, at)).returning();
      return row;
    },
  };
}

export const passwordResetsRepository = singleUseTokens(passwordResets);
export const emailVerificationsRepository = singleUseTokens(emailVerifications);
