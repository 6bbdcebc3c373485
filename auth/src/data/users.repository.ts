import { findById, olderThan, type Executor, type Keyset } from '@ticketing/common';
import { desc, eq, sql } from 'drizzle-orm';
import { users, type UserRow } from './schema';

export const USERS_EMAIL_KEY = 'users_email_lower_key';

const byEmail = (email: string) => eq(sql`lower(${users.email})`, email.toLowerCase());

export const usersRepository = {
  async insert(db: Executor, user: { email: string; name: string; passwordHash: string }): Promise<UserRow> {
    const [row] = await db.insert(users).values(user).returning();
    return row!;
  },

  async findByEmail(db: Executor, email: string): Promise<UserRow | undefined> {
    const [row] = await db.select().from(users).where(byEmail(email));
    return row;
  },

  findById: (db: Executor, id: string) => findById(db, users, id),

  async setPasswordHash(db: Executor, id: string, passwordHash: string): Promise<void> {
    await db.update(users).set({ passwordHash }).where(eq(users.id, id));
  },

  /** The first confirmation counts; a later one leaves the date as it was. */
  async markEmailVerified(db: Executor, id: string, at: Date): Promise<void> {
    await db
      .update(users)
      .set({ emailVerifiedAt: sql`coalesce(${users.emailVerifiedAt}, ${at.toISOString()}::timestamptz)` })
      .where(eq(users.id, id));
  },

  async setLocked(db: Executor, id: string, lockedAt: Date | null): Promise<UserRow | undefined> {
    const [row] = await db.update(users).set({ lockedAt }).where(eq(users.id, id)).returning();
    return row;
  },

  /** Every user, newest first (the admin console). */
  async listNewestFirst(db: Executor, limit: number, after?: Keyset): Promise<UserRow[]> {
    const older = olderThan(users.createdAt, users.id, after);
    return db.select().from(users).where(older).orderBy(desc(users.createdAt), desc(users.id)).limit(limit);
  },

  async setRole(db: Executor, id: string, role: UserRow['role']): Promise<void> {
    await db.update(users).set({ role }).where(eq(users.id, id));
  },
};
