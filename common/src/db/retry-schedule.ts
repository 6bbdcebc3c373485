import { sql, type SQL } from 'drizzle-orm';

/** A moment `ms` after now, by the database's clock, so that every instance agrees on when it comes. */
export const fromNow = (ms: number): SQL => sql`now() + ${ms} * interval '1 millisecond'`;

/**
 * What recording a failed attempt that may be tried again writes (a mail, a refund): the error, kept for
 * the operator and cut to a length a row and a log line can carry, and when the next attempt is due.
 */
export const failedAttempt = (error: string, retryInMs: number): { lastError: string; dueAt: SQL } => ({
  lastError: error.slice(0, 1_000),
  dueAt: fromNow(retryInMs),
});
