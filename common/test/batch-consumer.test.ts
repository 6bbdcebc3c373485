import { randomUUID } from 'node:crypto';
import { inArray, sql } from 'drizzle-orm';
import { integer, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import {
  batchConsumer,
  createEnvelope,
  createLogger,
  deadLetters,
  EventConsumer,
  latestInVersionOrder,
  ticketUpdated,
  upsertMany,
  type Database,
  type Executor,
  type TicketUpdated,
} from '../src';
import { createMigratedDatabase, createTestBus, ticketUpdatedData, waitFor } from '../src/testing';

// A versioned replica applied a batch at a time, as the services' replica consumers are.
const logger = createLogger('test', 'silent');
const replica = pgTable('batch_replica', {
  id: uuid('id').primaryKey(),
  title: text('title').notNull(),
  version: integer('version').notNull(),
});

let database: Database & { drop(): Promise<void> };
let bus: Awaited<ReturnType<typeof createTestBus>>;
let running: EventConsumer | undefined;
const batchSizes: number[] = [];
let poisonId = '';

async function applyUpdates(tx: Executor, updates: TicketUpdated[]) {
  if (updates.some((u) => u.id === poisonId)) throw new TypeError('a bug on one event');
  const ids = updates.map((u) => u.id);
  const rows = await tx.select().from(replica).where(inArray(replica.id, ids)).for('update');
  const stored = new Map(rows.map((row) => [row.id, row.version]));
  // Version 0 creates the row: a replica of a stream whose first event is an update.
  for (const u of updates) if (u.version === 0 && !stored.has(u.id)) stored.set(u.id, -1);
  const latest = latestInVersionOrder(updates, stored, 'ticket');
  await upsertMany(
    tx,
    replica,
    latest.map((u) => ({ id: u.id, title: u.title, version: u.version })),
    { target: replica.id, onConflict: 'update' },
  );
}

const definition = batchConsumer(ticketUpdated, 'batch', async (tx, events) => {
  batchSizes.push(events.length);
  await applyUpdates(
    tx,
    events.map((event) => event.data),
  );
});

const update = (id: string, version: number, title = `v${version}`) =>
  ticketUpdatedData({ id, version, title });

const row = async (id: string) =>
  (
    await database.db
      .select()
      .from(replica)
      .where(inArray(replica.id, [id]))
  )[0];
const start = async () => {
  running = await new EventConsumer(bus, database, definition, logger, { maxHandlerFailures: 2 }).start();
  return running;
};

beforeAll(async () => {
  database = await createMigratedDatabase('batch_consumer');
  await database.db.execute(
    sql`create table batch_replica (id uuid primary key, title text not null, version int not null)`,
  );
});

beforeEach(async () => {
  bus = await createTestBus();
  batchSizes.length = 0;
  poisonId = '';
});

afterEach(async () => {
  await running?.close();
  running = undefined;
  await bus.destroy();
});

afterAll(async () => {
  await database.drop();
});

test('when many events wait, then they are applied several per handler call, each once and in version order', async () => {
  const ids = Array.from({ length: 20 }, () => randomUUID());
  for (const id of ids)
    for (const version of [0, 1, 2]) await bus.publish(ticketUpdated, update(id, version));
  // The same envelope again: its processed_events row keeps it from being applied twice.
  const repeated = createEnvelope(ticketUpdated, update(ids[0]!, 1, 'repeated'));
  await bus.publishRaw(ticketUpdated.subject, randomUUID(), JSON.stringify(repeated));
  await bus.publishRaw(ticketUpdated.subject, randomUUID(), JSON.stringify(repeated));
  await start();
  await waitFor(async () => (await Promise.all(ids.map(row))).every((r) => r?.version === 2));
  expect(Math.max(...batchSizes)).toBeGreaterThan(1);
  expect(await row(ids[0]!)).toMatchObject({ title: 'v2', version: 2 });
  const processed = await database.db.execute<{ n: number }>(
    sql`select count(*)::int as n from processed_events where consumer = ${running!.name}`,
  );
  expect(processed.rows[0]!.n).toBe(ids.length * 3 + 1);
});

test('when a batch holds an update before its predecessor, then it waits and everything is applied in order', async () => {
  const id = randomUUID();
  const others = Array.from({ length: 10 }, () => randomUUID());
  await bus.publish(ticketUpdated, update(id, 0));
  await bus.publish(ticketUpdated, update(id, 2, 'second'));
  for (const other of others) await bus.publish(ticketUpdated, update(other, 0));
  await bus.publish(ticketUpdated, update(id, 1, 'first'));
  await start();
  await waitFor(async () => (await row(id))?.version === 2);
  expect(await row(id)).toMatchObject({ title: 'second', version: 2 });
  for (const other of others) expect(await row(other)).toMatchObject({ version: 0 });
  expect(await database.db.select().from(deadLetters)).toHaveLength(0);
});

test('when one event of a batch hits a bug, then only it is dead-lettered and the rest of its batch is applied', async () => {
  const ids = Array.from({ length: 15 }, () => randomUUID());
  poisonId = ids[7]!;
  for (const id of ids) await bus.publish(ticketUpdated, update(id, 0));
  const c = await start();
  await waitFor(async () =>
    (await database.db.select().from(deadLetters)).some((d) => d.consumer === c.name),
  );
  expect(Math.max(...batchSizes)).toBeGreaterThan(1);
  for (const id of ids.filter((id) => id !== poisonId))
    await waitFor(async () => (await row(id)) !== undefined);
  const letters = (await database.db.select().from(deadLetters)).filter((d) => d.consumer === c.name);
  expect(letters).toHaveLength(1);
  expect(letters[0]).toMatchObject({ attempts: 2, reason: 'TypeError: a bug on one event' });
  expect(JSON.parse(letters[0]!.payload).data.id).toBe(poisonId);
  expect(await row(poisonId)).toBeUndefined();
});
