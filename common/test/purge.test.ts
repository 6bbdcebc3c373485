import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import {
  connectDatabase,
  createLogger,
  DUPLICATE_WINDOW_MS,
  PeriodicJob,
  PROCESSED_EVENTS_RETENTION_MS,
  processedEvents,
  processedEventsPurge,
  runMigrations,
  type Database,
} from '../src';
import { createTestDatabase, waitFor, type TestDatabase } from '../src/testing';

const logger = createLogger('purge-test', 'silent');
let testDb: TestDatabase;
let database: Database;

beforeAll(async () => {
  testDb = await createTestDatabase('purge');
  database = connectDatabase(testDb.url, logger);
  await runMigrations(database, null, logger);
});

afterAll(async () => {
  await database.close();
  await testDb.drop();
});

const processedAgo = (ms: number) => ({
  consumer: 'orders:ticket.created',
  eventId: randomUUID(),
  processedAt: new Date(Date.now() - ms),
});

test('when the purge runs, then handled events older than the retention go and recent ones stay', async () => {
  expect(PROCESSED_EVENTS_RETENTION_MS).toBeGreaterThan(DUPLICATE_WINDOW_MS);
  const old = [processedAgo(PROCESSED_EVENTS_RETENTION_MS + 60_000), processedAgo(30 * 86_400_000)];
  const recent = [processedAgo(0), processedAgo(DUPLICATE_WINDOW_MS * 2), processedAgo(86_400_000)];
  await database.db.insert(processedEvents).values([...old, ...recent]);

  const job = new PeriodicJob(processedEventsPurge(database.db), logger);
  expect(await job.runNow()).toBe(2);
  const left = await database.db.select({ id: processedEvents.eventId }).from(processedEvents);
  expect(left.map((r) => r.id).sort()).toEqual(recent.map((r) => r.eventId).sort());
  expect(await job.runNow()).toBe(0);
});

test('when a periodic job is started, then it runs every interval and goes on after a failed pass', async () => {
  let passes = 0;
  const job = new PeriodicJob(
    {
      name: 'counting job',
      intervalMs: 10,
      run: async () => {
        passes++;
        if (passes === 1) throw new Error('first pass fails');
        await database.db.execute(sql`select 1`);
        return passes;
      },
    },
    logger,
  ).start();
  await waitFor(() => passes >= 3);
  await job.close();
});
