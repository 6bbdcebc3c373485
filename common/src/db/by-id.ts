import { eq } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { Executor } from './database';

/** A table whose rows are keyed by `id`. */
export type TableWithId = PgTable & { id: PgColumn };

const selectById = (db: Executor, table: TableWithId, id: string) =>
  db
    .select()
    .from(table as PgTable)
    .where(eq(table.id, id));

/** The row with this id; undefined when there is none. */
export async function findById<T extends TableWithId>(db: Executor, table: T, id: string) {
  const [row] = await selectById(db, table, id);
  return row as T['$inferSelect'] | undefined;
}

/** The row with this id, locked until the transaction ends: changes to it take turns. */
export async function lockById<T extends TableWithId>(tx: Executor, table: T, id: string) {
  const [row] = await selectById(tx, table, id).for('update');
  return row as T['$inferSelect'] | undefined;
}
