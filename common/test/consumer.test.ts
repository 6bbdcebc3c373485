import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import {
  consumer,
  createEnvelope,
  createLogger,
  deadLetters,
  createBusMetrics,
  EventConsumer,
  TransientError,
  RetryLaterError,
  type ConsumerOptions,
  type Logger,
  nextVersionDecision,
  ticketUpdated,
  type Database,
  type Executor,
  type TicketUpdated,
} from '../src';
import { Registry } from 'prom-client';
import {
  captureLogs,
  createMigratedDatabase,
  createTestBus,
  ticketUpdatedData,
  waitFor,
} from '../src/testing';

const logger = createLogger('test', 'silent');
let database: Database & { drop(): Promise<void> };
let bus: Awaited<ReturnType<typeof createTestBus>>;
const running: EventConsumer[] = [];

/** A tiny replica: the shape every service's versioned replica has. */
async function applyUpdate(tx: Executor, data: TicketUpdated) {
  const rows = await tx.execute<{ version: number }>(
    sql`select version from replica where id = ${data.id} for update`,
  );
  const stored = rows.rows[0]?.version;
  if (data.version === 0 && stored === undefined) {
    await tx.execute(
      sql`insert into replica (id, title, version, applied) values (${data.id}, ${data.title}, 0, 1)`,
    );
    return;
  }
  if (nextVersionDecision(stored, data.version, 'ticket') === 'stale') return;
  await tx.execute(
    sql`update replica set title = ${data.title}, version = ${data.version}, applied = applied + 1 where id = ${data.id}`,
  );
}

async function start(
  handle: Parameters<typeof consumer<typeof ticketUpdated>>[2],
  service = 'replica',
  options: Partial<ConsumerOptions> = { maxHandlerFailures: 3 },
  log: Logger = logger,
) {
  const definition = consumer(ticketUpdated, service, handle);
  const c = await new EventConsumer(bus, database, definition, log, options).start();
  running.push(c);
  return c;
}

const update = (id: string, version: number, title = `v${version}`) =>
  ticketUpdatedData({ id, version, title });

const replicaRow = async (id: string) =>
  (
    await database.db.execute<{ title: string; version: number; applied: number }>(
      sql`select * from replica where id = ${id}`,
    )
  ).rows[0];
const deadLettersFor = async (consumerName: string) =>
  (await database.db.select().from(deadLetters)).filter((d) => d.consumer === consumerName);

beforeAll(async () => {
  database = await createMigratedDatabase('consumer');
  await database.db.execute(
    sql`create table replica (id uuid primary key, title text, version int, applied int)`,
  );
});

// Each test gets its own stream: a new durable consumer starts from the stream's first message.
beforeEach(async () => {
  bus = await createTestBus();
});

afterEach(async () => {
  await Promise.all(running.splice(0).map((c) => c.close()));
  await bus.destroy();
});

afterAll(async () => {
  await database.drop();
});

test('when the same event is delivered twice, then its effect is applied once', async () => {
  await start(applyUpdate);
  const id = randomUUID();
  const envelope = createEnvelope(ticketUpdated, update(id, 0));
  // Different Nats-Msg-Ids, same envelope: what a redelivery after JetStream's duplicate window looks like.
  await bus.publishRaw(ticketUpdated.subject, randomUUID(), JSON.stringify(envelope));
  await bus.publishRaw(ticketUpdated.subject, randomUUID(), JSON.stringify(envelope));
  const marker = randomUUID();
  await bus.publish(ticketUpdated, update(marker, 0));
  await waitFor(() => replicaRow(marker));
  expect(await replicaRow(id)).toMatchObject({ version: 0, applied: 1 });
});

test('when a versioned update arrives before its predecessor, then it is applied only after it', async () => {
  await start(applyUpdate);
  const id = randomUUID();
  await bus.publish(ticketUpdated, update(id, 0));
  await waitFor(() => replicaRow(id));
  await bus.publish(ticketUpdated, update(id, 2, 'second'));
  await bus.publish(ticketUpdated, update(id, 1, 'first'));
  await waitFor(async () => (await replicaRow(id))?.version === 2);
  expect(await replicaRow(id)).toMatchObject({ title: 'second', version: 2, applied: 3 });
});

test('when a message breaks its contract, then it lands in dead_letters once and is not redelivered', async () => {
  const seen: string[] = [];
  const c = await start(async (_tx, data) => void seen.push(data.id), 'invalid');
  const bad = { ...createEnvelope(ticketUpdated, update(randomUUID(), 0)), data: { id: 'not-a-uuid' } };
  await bus.publishRaw(ticketUpdated.subject, bad.id, JSON.stringify(bad));
  await bus.publishRaw(ticketUpdated.subject, randomUUID(), 'not json at all');
  await waitFor(async () => (await deadLettersFor(c.name)).length === 2);
  const letters = await deadLettersFor(c.name);
  expect(letters.map((l) => l.reason)).toEqual([
    expect.stringMatching(/^invalid message: data: id/),
    'invalid message: body is not JSON',
  ]);
  expect(letters[0]).toMatchObject({
    eventId: bad.id,
    attempts: 1,
    subject: bus.subject(ticketUpdated.subject),
  });
  // A later good message is handled, and the bad ones never came back (terminated, not nak'ed).
  const good = randomUUID();
  await bus.publish(ticketUpdated, update(good, 0));
  await waitFor(() => seen.includes(good));
  await waitFor(async () => {
    const info = await bus.jsm.consumers.info(bus.options.stream, c.name);
    return info.num_ack_pending + info.num_pending === 0;
  });
  expect(await deadLettersFor(c.name)).toHaveLength(2);
});

test('when a handler always throws, then the message ends in dead_letters after the configured handler failures', async () => {
  let attempts = 0;
  const c = await start(async () => {
    attempts++;
    throw new Error('downstream rejected it');
  }, 'failing');
  const envelope = await bus.publish(ticketUpdated, update(randomUUID(), 0));
  await waitFor(async () => (await deadLettersFor(c.name)).length === 1);
  expect(attempts).toBe(3);
  expect((await deadLettersFor(c.name))[0]).toMatchObject({
    eventId: envelope.id,
    attempts: 3,
    reason: 'Error: downstream rejected it',
  });
  // Nothing was recorded as processed: the failed transactions rolled back.
  const processed = await database.db.execute(sql`select 1 from processed_events where consumer = ${c.name}`);
  expect(processed.rows).toHaveLength(0);
});

test('when two instances share a consumer, then each message is handled by exactly one of them', async () => {
  const handledBy: Record<string, string[]> = { a: [], b: [] };
  await start(async (_tx, data) => void handledBy.a!.push(data.id), 'shared');
  await start(async (_tx, data) => void handledBy.b!.push(data.id), 'shared');
  const ids = Array.from({ length: 40 }, () => randomUUID());
  for (const id of ids) await bus.publish(ticketUpdated, update(id, 0));
  await waitFor(() => handledBy.a!.length + handledBy.b!.length >= ids.length);
  expect([...handledBy.a!, ...handledBy.b!].sort()).toEqual([...ids].sort());
});

test('when the durable consumer is deleted under a running service, then it is recreated and consumption resumes', async () => {
  const seen: string[] = [];
  const c = await start(async (_tx, data) => void seen.push(data.id), 'resilient');
  const before = randomUUID();
  await bus.publish(ticketUpdated, update(before, 0));
  await waitFor(() => seen.includes(before));
  await bus.jsm.consumers.delete(bus.options.stream, c.name);
  const after = randomUUID();
  await bus.publish(ticketUpdated, update(after, 0));
  await waitFor(() => seen.includes(after), { timeoutMs: 20_000 });
});

test('when the durable is created, then JetStream may redeliver without limit (the bus decides what is dead)', async () => {
  const c = await start(async () => undefined, 'unlimited');
  const info = await bus.jsm.consumers.info(bus.options.stream, c.name);
  expect(info.config.max_deliver).toBe(-1);
});

test('when a handler fails with transient errors many times, then nothing is counted or dead-lettered and it applies once', async () => {
  const calls: string[] = [];
  // Transient failures well past the limit, interleaved with fewer real failures than the limit.
  const script = ['transient', 'transient', 'bug', 'transient', 'bug'];
  const c = await start(async (tx, data) => {
    const next = script[calls.length];
    calls.push(next ?? 'ok');
    if (next === 'transient') throw new TransientError('redis away');
    if (next === 'bug') throw new Error('a bug');
    await applyUpdate(tx, data);
  }, 'transient');
  const id = randomUUID();
  await bus.publish(ticketUpdated, update(id, 0));
  await waitFor(() => replicaRow(id), { timeoutMs: 60_000 });
  expect(calls).toEqual([...script, 'ok']);
  expect(await replicaRow(id)).toMatchObject({ applied: 1 });
  expect(await deadLettersFor(c.name)).toEqual([]);
  // The failure count was the bus's, and it is cleared with the success.
  const failures = await database.db.execute(sql`select 1 from consumer_failures where consumer = ${c.name}`);
  expect(failures.rows).toHaveLength(0);
}, 90_000);

test('when a predecessor is overdue, then it is logged at error level and counted once, and the update keeps waiting', async () => {
  const captured = captureLogs('replica');
  const registry = new Registry();
  const metrics = createBusMetrics(registry);
  const options = { maxHandlerFailures: 2, predecessorAlertMs: 300, metrics };
  const c = await start(applyUpdate, 'overdue', options, captured.logger);
  const id = randomUUID();
  await bus.publish(ticketUpdated, update(id, 0));
  await waitFor(() => replicaRow(id));
  const early = await bus.publish(ticketUpdated, update(id, 2, 'second'));
  const overdue = () => captured.lines.filter((l) => l.eventId === early.id && l.level === 50);
  await waitFor(() => overdue().length === 1);
  // Several more retries after the alert: still once, still waiting, never dead-lettered.
  const retries = () =>
    captured.lines.filter((l) => l.eventId === early.id && l.level === 20 && l.msg !== undefined).length;
  const seen = retries();
  await waitFor(() => retries() >= seen + 3, { timeoutMs: 60_000 });
  expect(overdue()).toHaveLength(1);
  expect(overdue()[0]).toMatchObject({ consumer: c.name, msg: expect.stringMatching(/predecessor/) });
  expect((await registry.getSingleMetric('bus_predecessor_overdue_total')!.get()).values).toEqual([
    expect.objectContaining({ labels: { consumer: c.name, subject: ticketUpdated.subject }, value: 1 }),
  ]);
  expect(await deadLettersFor(c.name)).toEqual([]);
  await bus.publish(ticketUpdated, update(id, 1, 'first'));
  await waitFor(async () => (await replicaRow(id))?.version === 2, { timeoutMs: 20_000 });
}, 90_000);

test('when a handler throws RetryLaterError itself, then it is never counted as a failure', async () => {
  let calls = 0;
  const c = await start(async (tx, data) => {
    if (++calls <= 5) throw new RetryLaterError('not yet');
    await applyUpdate(tx, data);
  }, 'retry-later');
  const id = randomUUID();
  await bus.publish(ticketUpdated, update(id, 0));
  await waitFor(() => replicaRow(id), { timeoutMs: 30_000 });
  expect(calls).toBe(6);
  expect(await deadLettersFor(c.name)).toEqual([]);
}, 60_000);

test('when events of many aggregates arrive, then different aggregates are handled in parallel and each one’s in order', async () => {
  const applied = new Map<string, number[]>();
  const inFlight = new Set<string>();
  let mostInFlight = 0;
  let sameKeyOverlap = false;
  await start(
    async (_tx, data) => {
      sameKeyOverlap ||= inFlight.has(data.id);
      inFlight.add(data.id);
      mostInFlight = Math.max(mostInFlight, inFlight.size);
      await new Promise((resolve) => setTimeout(resolve, 2));
      applied.set(data.id, [...(applied.get(data.id) ?? []), data.version]);
      inFlight.delete(data.id);
    },
    'parallel',
    { concurrency: 4 },
  );
  const ids = Array.from({ length: 20 }, () => randomUUID());
  for (let version = 0; version < 5; version++) {
    await Promise.all(ids.map((id) => bus.publish(ticketUpdated, update(id, version))));
  }
  await waitFor(() => ids.every((id) => applied.get(id)?.length === 5), { timeoutMs: 30_000 });
  for (const id of ids) expect(applied.get(id)).toEqual([0, 1, 2, 3, 4]);
  expect(sameKeyOverlap).toBe(false);
  expect(mostInFlight).toBeGreaterThan(1);
});
