import type { Executor } from '@ticketing/common';
import { and, eq, gt, isNull } from 'drizzle-orm';
import { passwordResets, type PasswordResetRow } from './schema';

const usable = (tokenHash: string, at: Date) =>
  and(
    eq(passwordResets.tokenHash, tokenHash),
    isNull(passwordResets.usedAt),
    gt(passwordResets.expiresAt, at),
  );

export const passwordResetsRepository = {
  async insert(db: Executor, reset: { userId: string; tokenHash: string; expiresAt: Date }): Promise<void> {
    await db.insert(passwordResets).values(reset);
  },

  /** A newer link replaces the older ones: only the last one mailed works. */
  async retireUnused(db: Executor, userId: string, at: Date): Promise<void> {
    await db
      .update(passwordResets)
      .set({ usedAt: at })
      .where(and(eq(passwordResets.userId, userId), isNull(passwordResets.usedAt)));
  },

  async findUsable(db: Executor, tokenHash: string, at: Date): Promise<PasswordResetRow | undefined> {
    const [row] = await db.select().from(passwordResets).where(usable(tokenHash, at));
    return row;
  },

  /** Marks the token used if it still is usable; of two concurrent uses exactly one gets the row. */
  async consume(db: Executor, tokenHash: string, at: Date): Promise<PasswordResetRow | undefined> {
    const [row] = await db
      .update(passwordResets)
      .set({ usedAt: at })
      .where(usable(tokenHash, at))
      .returning();
    return row;
  },
};
