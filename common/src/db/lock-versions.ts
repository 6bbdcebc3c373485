import { asc, inArray } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { Executor } from './database';

/** A replica's table: rows keyed by the owner's `id`, at the owner's `version`. */
export type VersionedTable = PgTable & { id: PgColumn; version: PgColumn };

/**
 * The stored versions of these rows of a replica, locked until the transaction ends, in id order so two
 * batches never deadlock; an id not stored yet is not in the map.
 */
export async function lockVersions(
  tx: Executor,
  table: VersionedTable,
  ids: string[],
): Promise<Map<string, number>> {
  const rows = await tx
    .select({ id: table.id, version: table.version })
    .from(table as PgTable)
    .where(inArray(table.id, [...new Set(ids)]))
    .orderBy(asc(table.id))
    .for('update');
  return new Map(rows.map((row) => [row.id as string, row.version as number]));
}
