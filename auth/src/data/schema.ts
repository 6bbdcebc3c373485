import { timestamptz } from '@ticketing/common';
import { sql } from 'drizzle-orm';
import { index, pgEnum, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

export const userRoleEnum = pgEnum('user_role', ['user', 'admin']);

export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    email: text('email').notNull(),
    name: text('name').notNull(),
    role: userRoleEnum('role').notNull().default('user'),
    passwordHash: text('password_hash').notNull(),
    /** When the user followed their verification link; null until then. */
    emailVerifiedAt: timestamptz('email_verified_at'),
    /** Set while an admin has locked the account: it cannot sign in, and its sessions were ended. */
    lockedAt: timestamptz('locked_at'),
    createdAt: timestamptz('created_at').notNull().defaultNow(),
    updatedAt: timestamptz('updated_at')
      .notNull()
      .defaultNow()
      .$onUpdate(() => new Date()),
  },
  // Emails are stored lower-cased already; the index makes case-insensitive uniqueness the database's job.
  (t) => [uniqueIndex('users_email_lower_key').on(sql`lower(${t.email})`)],
);

/**
 * One row per refresh token. A sign-in starts a family (its first row's id is the family id, the `sid`
 * of every access token of that sign-in); each refresh revokes its row and points it at its successor.
 */
export const sessions = pgTable(
  'sessions',
  {
    id: uuid('id').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    familyId: uuid('family_id').notNull(),
    refreshTokenHash: text('refresh_token_hash').notNull(),
    expiresAt: timestamptz('expires_at').notNull(),
    revokedAt: timestamptz('revoked_at'),
    replacedBy: uuid('replaced_by'),
    /** The successor's refresh token, encrypted with a key only this row's own token derives (grace replays). */
    successorSealed: text('successor_sealed'),
    userAgent: text('user_agent'),
    ip: text('ip'),
    createdAt: timestamptz('created_at').notNull().defaultNow(),
    lastUsedAt: timestamptz('last_used_at'),
  },
  (t) => [
    uniqueIndex('sessions_refresh_token_hash_key').on(t.refreshTokenHash),
    index('sessions_family_id_idx').on(t.familyId),
    index('sessions_user_id_idx').on(t.userId),
  ],
);

/**
 * A table of mailed single-use links, one row per link sent: only the token's SHA-256 is kept; `used_at`
 * makes it work once.
 */
const singleUseLinks = <N extends string>(name: N) =>
  pgTable(
    name,
    {
      id: uuid('id').primaryKey().defaultRandom(),
      userId: uuid('user_id')
        .notNull()
        .references(() => users.id, { onDelete: 'cascade' }),
      tokenHash: text('token_hash').notNull(),
      expiresAt: timestamptz('expires_at').notNull(),
      usedAt: timestamptz('used_at'),
      createdAt: timestamptz('created_at').notNull().defaultNow(),
    },
    (t) => [uniqueIndex(`${name}_token_hash_key`).on(t.tokenHash), index(`${name}_user_id_idx`).on(t.userId)],
  );

export const passwordResets = singleUseLinks('password_resets');
export const emailVerifications = singleUseLinks('email_verifications');

export type UserRow = typeof users.$inferSelect;
export type SessionRow = typeof sessions.$inferSelect;
export type PasswordResetRow = typeof passwordResets.$inferSelect;
export type EmailVerificationRow = typeof emailVerifications.$inferSelect;
