import { randomUUID } from 'node:crypto';
import { connectDatabase, createLogger, outbox, OUTBOX_CHANNEL, OutboxRelay, ticketCreated } from '../src';
import { busHarnessForThisFile, ticketCreatedData, waitFor } from '../src/testing';

// Every relay here polls once a minute: an event out within seconds was woken by its commit.
const NO_POLL = { pollIntervalMs: 60_000 };
const logger = createLogger('test', 'silent');
const ctx = busHarnessForThisFile('relay_wake', { logger, relay: NO_POLL, record: true });
const ticket = ticketCreatedData;

const published = (id: string) => ctx.recorder.of(ticketCreated).some((e) => e.data.id === id);

/** The wake-ups this process signals to its relay from now on, one 'outbox' each. */
const outboxWakeUps = () => {
  const signals: string[] = [];
  ctx.closeWith({
    close: ctx.database.commits.subscribe(OUTBOX_CHANNEL, () => (signals.push('outbox'), false)),
  });
  return signals;
};

beforeAll(async () => {
  // The harness's relay (the leader) takes the relay lock on its first pass: from then on it publishes.
  const first = ticket();
  await ctx.database.db.transaction((tx) => outbox.add(tx, ticketCreated, first));
  await waitFor(() => published(first.id), { timeoutMs: 5_000 });
});

test('when a transaction with an event commits, then the relay in this process is woken after the commit', async () => {
  const signals = outboxWakeUps();
  const data = ticket();
  await ctx.database.db.transaction(async (tx) => {
    await outbox.add(tx, ticketCreated, data);
    // Inside the transaction nothing is signalled yet: the relay would find no committed row.
    expect(signals).toEqual([]);
  });
  expect(signals).toEqual(['outbox']);
  await waitFor(() => published(data.id), { timeoutMs: 5_000 });
});

test('when a transaction with an event rolls back, then no wake-up is signalled and nothing is published', async () => {
  const signals = outboxWakeUps();
  const doomed = ticket();
  await ctx.rollBack(ticketCreated, doomed);
  expect(signals).toEqual([]);
  const marker = ticket();
  await ctx.database.db.transaction((tx) => outbox.add(tx, ticketCreated, marker));
  await waitFor(() => published(marker.id), { timeoutMs: 5_000 });
  expect(published(doomed.id)).toBe(false);
});

test('when another instance commits an event, then the relay holding the lock publishes it at once', async () => {
  // A second instance of the service: its own pool and relay, which does not hold the lock.
  const instance = connectDatabase(ctx.database.url, logger, { poolSize: 2 });
  const follower = new OutboxRelay(ctx.bus, instance, logger, NO_POLL);
  ctx.closeWith(instance, follower);
  const data = ticket();
  await instance.db.transaction((tx) => outbox.add(tx, ticketCreated, data));
  await waitFor(() => published(data.id), { timeoutMs: 5_000 });
});

test('when a process without a relay (a command) commits an event, then the relay elsewhere publishes it at once', async () => {
  const command = connectDatabase(ctx.database.url, logger, { poolSize: 1 });
  ctx.closeWith(command);
  const data = ticket();
  await command.db.transaction((tx) => outbox.add(tx, ticketCreated, data));
  await waitFor(() => published(data.id), { timeoutMs: 5_000 });
});

test('when a row committed without any wake-up, then the poll publishes it', async () => {
  const polling = connectDatabase(ctx.database.url, logger, { poolSize: 2 });
  // Stands in for the leader: closed first, so the polling relay below takes the lock.
  await ctx.relay.close();
  const relay = new OutboxRelay(ctx.bus, polling, logger, { pollIntervalMs: 200 });
  ctx.closeWith(polling, relay);
  const data = ticket();
  const envelope = { id: randomUUID(), subject: ticketCreated.subject, occurredAt: new Date(), data };
  await polling.pool.query('insert into outbox (id, subject, envelope) values ($1, $2, $3)', [
    envelope.id,
    envelope.subject,
    JSON.stringify(envelope),
  ]);
  await waitFor(() => published(data.id), { timeoutMs: 5_000 });
});
