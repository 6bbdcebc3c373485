import { getTableColumns, sql, type SQL } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { Executor } from './database';

export interface UpsertManyOptions<T extends PgTable> {
  /** The unique column a conflict is detected on. */
  target: PgColumn;
  /** On a conflict: leave the stored row ('nothing', the default) or overwrite it with the new one. */
  onConflict?: 'nothing' | 'update';
  /** With 'update': the condition for overwriting (`excluded` is the new row), e.g. a newer version. */
  where?: SQL;
  /** With 'update': the columns to overwrite; default every column of the rows but the target. */
  set?: Array<keyof T['$inferInsert'] & string>;
}

/**
 * Inserts many rows in one statement: one array parameter per column, expanded by `unnest`, so the
 * statement's text stays the same for any number of rows (drizzle's multi-row insert built a new text
 * per size and cost milliseconds of CPU for 64 rows; bench/README.md). Columns and their SQL types come
 * from the drizzle table, for the keys the rows have: a column added to the table and to the function
 * that makes a row is all a new field takes. With 'update', rows must have distinct targets (PostgreSQL
 * cannot update one row twice in a statement).
 */
export async function upsertMany<T extends PgTable>(
  tx: Executor,
  table: T,
  rows: Array<T['$inferInsert']>,
  options: UpsertManyOptions<T>,
): Promise<void> {
  if (rows.length === 0) return;
  const columns = getTableColumns(table) as Record<string, PgColumn>;
  const keys = Object.keys(rows[0]!).filter((key) => columns[key]);
  const records = rows as Array<Record<string, unknown>>;
  const arrays = keys.map((key) => {
    const column = columns[key]!;
    const values = records.map((row) => {
      const value = row[key];
      return value === null || value === undefined ? null : column.mapToDriverValue(value);
    });
    return sql`${sql.param(values)}::${sql.raw(column.getSQLType())}[]`;
  });
  const names = keys.map((key) => sql.identifier(columns[key]!.name));
  let conflict = sql`do nothing`;
  if (options.onConflict === 'update') {
    const set = (options.set ?? keys.filter((key) => columns[key] !== options.target)).map((key) => {
      const name = sql.identifier(columns[key]!.name);
      return sql`${name} = excluded.${name}`;
    });
    conflict = sql`do update set ${sql.join(set, sql`, `)}${options.where ? sql` where ${options.where}` : sql``}`;
  }
  await tx.execute(
    sql`insert into ${table} (${sql.join(names, sql`, `)})
        select * from unnest(${sql.join(arrays, sql`, `)})
        on conflict (${sql.identifier(options.target.name)}) ${conflict}`,
  );
}
