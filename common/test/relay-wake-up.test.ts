import { randomUUID } from 'node:crypto';
import {
  connectDatabase,
  createLogger,
  outbox,
  OUTBOX_CHANNEL,
  OutboxRelay,
  ticketCreated,
  type Database,
} from '../src';
import { createMigratedDatabase, createTestBus, EventRecorder, waitFor } from '../src/testing';

// Every relay here polls once a minute: an event out within seconds was woken by its commit.
const NO_POLL = { pollIntervalMs: 60_000 };
const logger = createLogger('test', 'silent');
const ticket = () => ({
  id: randomUUID(),
  version: 0,
  title: 'Concert',
  venue: 'Hall',
  eventDate: new Date(Date.now() + 86_400_000).toISOString(),
  priceCents: 1500,
  currency: 'usd',
  sellerId: randomUUID(),
  status: 'available' as const,
});

let database: Database & { drop(): Promise<void>; url: string };
let bus: Awaited<ReturnType<typeof createTestBus>>;
let recorder: EventRecorder;
let leader: OutboxRelay;
const closing: Array<{ close(): Promise<void> | void }> = [];

const published = (id: string) => recorder.of(ticketCreated).some((e) => e.data.id === id);

beforeAll(async () => {
  database = await createMigratedDatabase('relay_wake');
  bus = await createTestBus();
  recorder = await EventRecorder.start(bus.options.url, bus.options.subjectPrefix);
  leader = new OutboxRelay(bus, database, logger, NO_POLL);
  // The first pass takes the relay lock: from then on this relay is the one that publishes.
  const first = ticket();
  await database.db.transaction((tx) => outbox.add(tx, ticketCreated, first));
  await waitFor(() => published(first.id), { timeoutMs: 5_000 });
});

afterAll(async () => {
  for (const c of closing.reverse()) await c.close();
  await leader.close();
  await recorder.close();
  await bus.destroy();
  await database.drop();
});

test('when a transaction with an event commits, then the relay in this process is woken after the commit', async () => {
  const signals: string[] = [];
  closing.push({ close: database.commits.subscribe(OUTBOX_CHANNEL, () => (signals.push('outbox'), false)) });
  const data = ticket();
  await database.db.transaction(async (tx) => {
    await outbox.add(tx, ticketCreated, data);
    // Inside the transaction nothing is signalled yet: the relay would find no committed row.
    expect(signals).toEqual([]);
  });
  expect(signals).toEqual(['outbox']);
  await waitFor(() => published(data.id), { timeoutMs: 5_000 });
});

test('when a transaction with an event rolls back, then no wake-up is signalled and nothing is published', async () => {
  const signals: string[] = [];
  closing.push({ close: database.commits.subscribe(OUTBOX_CHANNEL, () => (signals.push('outbox'), false)) });
  const doomed = ticket();
  await expect(
    database.db.transaction(async (tx) => {
      await outbox.add(tx, ticketCreated, doomed);
      throw new Error('business rule failed');
    }),
  ).rejects.toThrow('business rule failed');
  expect(signals).toEqual([]);
  const marker = ticket();
  await database.db.transaction((tx) => outbox.add(tx, ticketCreated, marker));
  await waitFor(() => published(marker.id), { timeoutMs: 5_000 });
  expect(published(doomed.id)).toBe(false);
});

test('when another instance commits an event, then the relay holding the lock publishes it at once', async () => {
  // A second instance of the service: its own pool and relay, which does not hold the lock.
  const instance = connectDatabase(database.url, logger, { poolSize: 2 });
  const follower = new OutboxRelay(bus, instance, logger, NO_POLL);
  closing.push(instance, follower);
  const data = ticket();
  await instance.db.transaction((tx) => outbox.add(tx, ticketCreated, data));
  await waitFor(() => published(data.id), { timeoutMs: 5_000 });
});

test('when a process without a relay (a command) commits an event, then the relay elsewhere publishes it at once', async () => {
  const command = connectDatabase(database.url, logger, { poolSize: 1 });
  closing.push(command);
  const data = ticket();
  await command.db.transaction((tx) => outbox.add(tx, ticketCreated, data));
  await waitFor(() => published(data.id), { timeoutMs: 5_000 });
});

test('when a row committed without any wake-up, then the poll publishes it', async () => {
  const polling = connectDatabase(database.url, logger, { poolSize: 2 });
  // Stands in for the leader: closed first, so the polling relay below takes the lock.
  await leader.close();
  const relay = new OutboxRelay(bus, polling, logger, { pollIntervalMs: 200 });
  closing.push(polling, relay);
  const data = ticket();
  const envelope = { id: randomUUID(), subject: ticketCreated.subject, occurredAt: new Date(), data };
  await polling.pool.query('insert into outbox (id, subject, envelope) values ($1, $2, $3)', [
    envelope.id,
    envelope.subject,
    JSON.stringify(envelope),
  ]);
  await waitFor(() => published(data.id), { timeoutMs: 5_000 });
});
