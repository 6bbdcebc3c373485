import { sql, type SQL } from 'drizzle-orm';

/**
 * The two halves of recording a failed attempt that will be tried again (a mail, a refund): when the
 * next attempt is due, counted by the database's clock so every instance agrees, and the error kept for
 * the operator, cut to a length a row and a log line can carry.
 */
export const fromNow = (ms: number): SQL => sql`now() + ${ms} * interval '1 millisecond'`;

export const failureText = (error: string): string => error.slice(0, 1_000);
