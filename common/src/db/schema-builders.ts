import { sql } from 'drizzle-orm';
import { index, pgEnum, timestamp, type PgColumn } from 'drizzle-orm/pg-core';

/**
 * A `timestamp with time zone` column, read as a Date. `{ precision: 3 }` stores what a Date holds, to the
 * millisecond, for a column a list cursor is made from (the row it names must be found again).
 */
export const timestamptz = (name: string, options: { precision?: 3 } = {}) =>
  timestamp(name, { withTimezone: true, ...options });

/** The PostgreSQL enum of a contract's zod enum, so its values are written once, in the contract. */
export const pgEnumOf = <T extends string>(name: string, contract: { readonly options: readonly T[] }) =>
  pgEnum(name, contract.options as [T, ...T[]]);

/**
 * An index of only the rows whose `state` column holds `value` (a queue's due work, its claimed or failed
 * rows), by `column`: small, and what the query that looks for those rows filters on.
 */
export const indexInState = (name: string, column: PgColumn, state: PgColumn, value: string) =>
  index(name)
    .on(column)
    .where(sql`${state} = ${value}`.inlineParams());
