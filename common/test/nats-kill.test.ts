import { isNull, sql } from 'drizzle-orm';
import {
  Bus,
  consumer,
  createLogger,
  EventConsumer,
  outbox,
  outboxTable,
  OutboxRelay,
  processedEvents,
  ticketCreated,
  type Database,
} from '../src';
import {
  createMigratedDatabase,
  startNatsServer,
  ticketCreatedData,
  uniqueBusOptions,
  waitFor,
  type OwnNats,
} from '../src/testing';

// Its own nats-server on a spare port, killed like a crashed pod: the machine's shared one is never touched.
const logger = createLogger('test', 'silent');
const OUTAGE_MS = 10_000;
const EVENTS_PER_SECOND = 50;

let nats: OwnNats;
let database: Database & { drop(): Promise<void> };

beforeAll(async () => {
  nats = await startNatsServer();
  database = await createMigratedDatabase('nats_kill');
  // No unique constraint: an event applied twice would show up as two rows.
  await database.db.execute(sql`create table applied (event_id uuid not null, ticket_id uuid not null)`);
}, 60_000);

afterAll(async () => {
  await nats?.destroy();
  await database?.drop();
});

/** Commits one event per tick, at a steady rate, until stopped; returns the ticket ids committed. */
function steadyProducer() {
  const committed: string[] = [];
  let failed: unknown;
  const timer = setInterval(() => {
    const data = ticketCreatedData();
    database.db
      .transaction((tx) => outbox.add(tx, ticketCreated, data))
      .then(() => committed.push(data.id))
      .catch((err: unknown) => (failed = err));
  }, 1_000 / EVENTS_PER_SECOND);
  return {
    committed,
    stop: () => {
      clearInterval(timer);
      if (failed) throw failed;
    },
  };
}

const count = async (query: ReturnType<typeof sql>) =>
  Number((await database.db.execute<{ n: number }>(query)).rows[0]!.n);

test('when nats-server is SIGKILLed for 10 s under a steady event load and restarted, then every event is applied exactly once', async () => {
  const bus = await Bus.connect(uniqueBusOptions({ url: nats.url }), logger);
  await bus.ensureStream();
  const relay = new OutboxRelay(bus, database, logger, { pollIntervalMs: 500, maxBackoffMs: 1_000 });
  const definition = consumer(ticketCreated, 'natskill', async (tx, data, envelope) => {
    await tx.execute(sql`insert into applied (event_id, ticket_id) values (${envelope.id}, ${data.id})`);
  });
  const running = await new EventConsumer(bus, database, definition, logger).start();
  const producer = steadyProducer();
  try {
    await waitFor(async () => (await count(sql`select count(*)::int as n from applied`)) >= 50, {
      timeoutMs: 20_000,
    });

    await nats.stop('SIGKILL');
    const atKill = producer.committed.length;
    await new Promise((resolve) => setTimeout(resolve, OUTAGE_MS)); // the outage itself
    // Events kept committing meanwhile; they wait in the outbox.
    expect(producer.committed.length).toBeGreaterThan(atKill + EVENTS_PER_SECOND);
    await nats.start();

    const atRestart = producer.committed.length;
    await waitFor(() => producer.committed.length >= atRestart + 100, { timeoutMs: 20_000 });
  } finally {
    producer.stop();
  }

  const committed = producer.committed;
  await waitFor(
    async () =>
      (await database.db.select().from(outboxTable).where(isNull(outboxTable.sentAt))).length === 0 &&
      (await count(sql`select count(distinct ticket_id)::int as n from applied`)) === committed.length,
    { timeoutMs: 60_000, intervalMs: 200 },
  );
  await running.close();
  await relay.close();
  await bus.jsm.streams.delete(bus.options.stream).catch(() => undefined);
  await bus.close();

  const applied = await database.db.execute<{ ticket_id: string; n: number }>(
    sql`select ticket_id, count(*)::int as n from applied group by ticket_id`,
  );
  expect(applied.rows.filter((r) => r.n !== 1)).toEqual([]);
  expect(new Set(applied.rows.map((r) => r.ticket_id))).toEqual(new Set(committed));
  expect(await database.db.$count(processedEvents)).toBe(committed.length);
}, 120_000);
