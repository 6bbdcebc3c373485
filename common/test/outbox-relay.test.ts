import { randomUUID } from 'node:crypto';
import { isNull } from 'drizzle-orm';
import { createLogger, outbox, outboxTable, OutboxRelay, ticketCreated, type Database } from '../src';
import { createMigratedDatabase, createTestBus, EventRecorder, waitFor } from '../src/testing';

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

let database: Database & { drop(): Promise<void> };
let bus: Awaited<ReturnType<typeof createTestBus>>;
let recorder: EventRecorder;
let relay: OutboxRelay;

beforeAll(async () => {
  database = await createMigratedDatabase('outbox');
  bus = await createTestBus();
  recorder = await EventRecorder.start(bus.options.url, bus.options.subjectPrefix);
  relay = new OutboxRelay(bus, database, logger, { pollIntervalMs: 60_000 });
});

afterAll(async () => {
  await relay.close();
  await recorder.close();
  await bus.destroy();
  await database.drop();
});

test('when a transaction commits, then its events are published in order with the envelope id as Nats-Msg-Id', async () => {
  const data = [ticket(), ticket(), ticket()];
  const ids = await database.db.transaction(async (tx) => {
    const envelopes = [];
    for (const d of data) envelopes.push(await outbox.add(tx, ticketCreated, d));
    return envelopes.map((e) => e.id);
  });
  // The relay polls once a minute here: only NOTIFY can wake it this fast.
  await waitFor(() => recorder.of(ticketCreated).length >= 3, { timeoutMs: 5_000 });
  expect(recorder.of(ticketCreated).map((e) => e.id)).toEqual(ids);
  expect(recorder.of(ticketCreated).map((e) => e.data.id)).toEqual(data.map((d) => d.id));
  const stored = await bus.jsm.streams.getMessage(bus.options.stream, {
    last_by_subj: bus.subject(ticketCreated.subject),
  });
  expect(stored?.header.get('Nats-Msg-Id')).toBe(ids[2]);
  await waitFor(
    async () => (await database.db.select().from(outboxTable).where(isNull(outboxTable.sentAt))).length === 0,
  );
});

test('when a transaction rolls back, then its event is never published', async () => {
  const doomed = ticket();
  await expect(
    database.db.transaction(async (tx) => {
      await outbox.add(tx, ticketCreated, doomed);
      throw new Error('business rule failed');
    }),
  ).rejects.toThrow('business rule failed');
  const marker = ticket();
  await database.db.transaction((tx) => outbox.add(tx, ticketCreated, marker));
  await waitFor(() => recorder.of(ticketCreated).some((e) => e.data.id === marker.id));
  expect(recorder.of(ticketCreated).some((e) => e.data.id === doomed.id)).toBe(false);
  expect(await database.db.select().from(outboxTable)).not.toContainEqual(
    expect.objectContaining({
      envelope: expect.objectContaining({ data: expect.objectContaining({ id: doomed.id }) }),
    }),
  );
});

test('when data breaks its contract, then outbox.add refuses it before anything is written', async () => {
  await expect(
    database.db.transaction((tx) => outbox.add(tx, ticketCreated, { ...ticket(), priceCents: -5 })),
  ).rejects.toThrow();
});

test('when the stream has been deleted, then the relay recreates it and publishes what waits', async () => {
  await bus.jsm.streams.delete(bus.options.stream);
  const data = ticket();
  await database.db.transaction((tx) => outbox.add(tx, ticketCreated, data));
  await waitFor(
    async () => (await database.db.select().from(outboxTable).where(isNull(outboxTable.sentAt))).length === 0,
  );
  const stored = await bus.jsm.streams.getMessage(bus.options.stream, {
    last_by_subj: bus.subject(ticketCreated.subject),
  });
  expect(stored?.json<{ data: { id: string } }>().data.id).toBe(data.id);
});
