import { findById, type Executor } from '@ticketing/common';
import { and, eq, isNull, sql } from 'drizzle-orm';
import { sessions, type SessionRow } from './schema';

export type NewSession = typeof sessions.$inferInsert;

export const sessionsRepository = {
  async insert(db: Executor, session: NewSession): Promise<SessionRow> {
    const [row] = await db.insert(sessions).values(session).returning();
    return row!;
  },

  /** Locks the row so two refreshes with one token cannot both rotate it. */
  async lockByTokenHash(db: Executor, refreshTokenHash: string): Promise<SessionRow | undefined> {
    const [row] = await db
      .select()
      .from(sessions)
      .where(eq(sessions.refreshTokenHash, refreshTokenHash))
      .for('update');
    return row;
  },

  async findByTokenHash(db: Executor, refreshTokenHash: string): Promise<SessionRow | undefined> {
    const [row] = await db.select().from(sessions).where(eq(sessions.refreshTokenHash, refreshTokenHash));
    return row;
  },

  findById: (db: Executor, id: string) => findById(db, sessions, id),

  async markReplaced(
    db: Executor,
    id: string,
    successor: { id: string; sealed: string },
    at: Date,
  ): Promise<void> {
    await db
      .update(sessions)
      .set({ revokedAt: at, replacedBy: successor.id, successorSealed: successor.sealed, lastUsedAt: at })
      .where(eq(sessions.id, id));
  },

  async revokeFamily(db: Executor, familyId: string, at: Date): Promise<void> {
    await db
      .update(sessions)
      .set({ revokedAt: at })
      .where(and(eq(sessions.familyId, familyId), isNull(sessions.revokedAt)));
  },

  /** Revokes every live row of the user; answers the families that had one (to revoke everywhere). */
  async revokeAllOfUser(db: Executor, userId: string, at: Date): Promise<string[]> {
    const rows = await db
      .update(sessions)
      .set({ revokedAt: at })
      .where(and(eq(sessions.userId, userId), isNull(sessions.revokedAt)))
      .returning({ familyId: sessions.familyId });
    return [...new Set(rows.map((r) => r.familyId))];
  },

  /**
   * Deletes rows no token can use any more, `graceSeconds` after they stopped working: expired ones, and
   * every row of a family that has no live row left (signed out or revoked for reuse). A rotated row of
   * a live family stays until it expires: it is what detects the reuse of a stolen token.
   */
  async purgeEnded(db: Executor, graceSeconds: number): Promise<number> {
    const cutoff = sql`now() - make_interval(secs => ${graceSeconds})`;
    const result = await db.execute(sql`
      delete from ${sessions} s
      where s.expires_at < ${cutoff}
         or (s.revoked_at < ${cutoff} and not exists (
              select 1 from ${sessions} live
              where live.family_id = s.family_id and live.revoked_at is null and live.expires_at > now()))`);
    return result.rowCount ?? 0;
  },
};
