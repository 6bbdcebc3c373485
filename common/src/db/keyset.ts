import { and, eq, lt, or, type Column, type SQL } from 'drizzle-orm';
import type { Keyset } from '../http/pagination';

/**
 * The rows after a keyset in newest-first order (`at` descending, `id` breaking ties); no condition for
 * the first page.
 */
export const olderThan = (at: Column, id: Column, after: Keyset | undefined): SQL | undefined =>
  after ? or(lt(at, after.at), and(eq(at, after.at), lt(id, after.id))) : undefined;
