import { and, eq, lt, or, sql, type Column, type SQL } from 'drizzle-orm';
import type { Keyset } from '../http/pagination';

/**
 * The rows after a keyset in newest-first order (`at` descending, `id` breaking ties); no condition for
 * the first page.
 */
export const olderThan = (at: Column, id: Column, after: Keyset | undefined): SQL | undefined =>
  after ? or(lt(at, after.at), and(eq(at, after.at), lt(id, after.id))) : undefined;

const keysetRow = (keyset: Keyset) => sql`(${keyset.at.toISOString()}::timestamptz, ${keyset.id}::uuid)`;

/**
 * The same page boundary as one row comparison, `(at, id) < keyset`, which PostgreSQL answers from an
 * index on (at, id): the rows after a keyset in descending order; no condition for the first page.
 */
export const rowsBefore = (at: Column, id: Column, keyset: Keyset | undefined): SQL | undefined =>
  keyset && sql`(${at}, ${id}) < ${keysetRow(keyset)}`;

/** `(at, id) > keyset`: the rows after a keyset in ascending order; no condition for the first page. */
export const rowsAfter = (at: Column, id: Column, keyset: Keyset | undefined): SQL | undefined =>
  keyset && sql`(${at}, ${id}) > ${keysetRow(keyset)}`;
