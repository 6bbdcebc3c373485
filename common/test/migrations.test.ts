import { sql } from 'drizzle-orm';
import journal from '../migrations/meta/_journal.json';
import { connectDatabase, createLogger, runMigrations } from '../src';
import { createTestDatabase, type TestDatabase } from '../src/testing';

const logger = createLogger('test', 'silent');
let testDb: TestDatabase;

beforeAll(async () => {
  testDb = await createTestDatabase('migrations');
});

afterAll(async () => {
  await testDb.drop();
});

test('when several instances migrate at the same time, then every migration is applied exactly once', async () => {
  const instances = Array.from({ length: 4 }, () => connectDatabase(testDb.url, logger, { poolSize: 2 }));
  try {
    await Promise.all(instances.map((db) => runMigrations(db, null, logger)));
    // And again at a later boot: nothing to do, nothing fails.
    await runMigrations(instances[0]!, null, logger);
    const applied = await instances[0]!.db.execute(
      sql`select count(*)::int as n from drizzle.__bus_migrations`,
    );
    expect(applied.rows[0]).toEqual({ n: journal.entries.length });
    const tables = await instances[0]!.db.execute(
      sql`select table_name from information_schema.tables where table_schema = 'public' order by table_name`,
    );
    expect(tables.rows.map((r) => r.table_name)).toEqual([
      'consumer_failures',
      'dead_letters',
      'outbox',
      'processed_events',
    ]);
  } finally {
    await Promise.all(instances.map((db) => db.close()));
  }
});
