import { isNull } from 'drizzle-orm';
import { Bus, createLogger, outbox, outboxTable, OutboxRelay, ticketCreated, type Database } from '../src';
import {
  createMigratedDatabase,
  EventRecorder,
  startNatsServer,
  uniqueBusOptions,
  waitFor,
  type OwnNats,
  ticketCreatedData,
} from '../src/testing';

// This test runs its own nats-server on a spare port: stopping the machine's shared one would disturb others.
const logger = createLogger('test', 'silent');
let nats: OwnNats;

const ticket = ticketCreatedData;

let database: Database & { drop(): Promise<void> };

beforeAll(async () => {
  nats = await startNatsServer();
  database = await createMigratedDatabase('outage');
});

afterAll(async () => {
  await nats?.destroy();
  await database?.drop();
});

test('when NATS is down while events are committed, then all are published exactly once after it returns', async () => {
  const options = uniqueBusOptions({ url: nats.url });
  const bus = await Bus.connect(options, logger);
  await bus.ensureStream();
  const relay = new OutboxRelay(bus, database, logger, { pollIntervalMs: 200, maxBackoffMs: 500 });

  await nats.stop();
  const committed: string[] = [];
  for (let i = 0; i < 25; i++) {
    const data = ticket();
    await database.db.transaction((tx) => outbox.add(tx, ticketCreated, data));
    committed.push(data.id);
  }
  // Nothing can go out meanwhile; every row waits in the outbox.
  expect(await database.db.select().from(outboxTable).where(isNull(outboxTable.sentAt))).toHaveLength(25);

  await nats.start();
  const recorder = await EventRecorder.start(options.url, options.subjectPrefix);
  await waitFor(
    async () => (await database.db.select().from(outboxTable).where(isNull(outboxTable.sentAt))).length === 0,
    {
      timeoutMs: 20_000,
    },
  );
  const stream = await bus.jsm.streams.info(options.stream);
  expect(stream.state.messages).toBe(25);
  const stored = [];
  for (let seq = stream.state.first_seq; seq <= stream.state.last_seq; seq++) {
    stored.push(
      (await bus.jsm.streams.getMessage(options.stream, { seq }))!.json<{ data: { id: string } }>().data.id,
    );
  }
  expect(stored).toEqual(committed);

  await relay.close();
  await recorder.close();
  await bus.jsm.streams.delete(options.stream);
  await bus.close();
});
