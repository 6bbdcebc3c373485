import { sql, type Column, type SQL } from 'drizzle-orm';
import type { Keyset } from '../http/pagination';

const keysetRow = (keyset: Keyset) => sql`(${keyset.at.toISOString()}::timestamptz, ${keyset.id}::uuid)`;

/**
 * The rows after a keyset in newest-first order (`at` descending, `id` breaking ties); no condition for
 * the first page. One row comparison, `(at, id) < keyset`, which PostgreSQL answers from an index on
 * (at, id).
 */
export const olderThan = (at: Column, id: Column, after: Keyset | undefined): SQL | undefined =>
  after && sql`(${at}, ${id}) < ${keysetRow(after)}`;

/** The rows after a keyset in ascending order, `(at, id) > keyset` (soonest first); none for the first page. */
export const laterThan = (at: Column, id: Column, after: Keyset | undefined): SQL | undefined =>
  after && sql`(${at}, ${id}) > ${keysetRow(after)}`;
