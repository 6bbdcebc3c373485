/** The phases of bench/bus.bench.ts: raw NATS baselines, then the bus's relay and consumer. */
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { AckPolicy } from '@nats-io/jetstream';
import { sql } from 'drizzle-orm';
import { integer, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import {
  batchConsumer,
  consumer,
  createEnvelope,
  createLogger,
  EventConsumer,
  outbox,
  OutboxRelay,
  ticketCreated,
  type Bus,
  type Database,
  type TicketCreated,
  upsertMany,
} from '@ticketing/common';
import { waitFor } from '@ticketing/common/testing';

export const logger = createLogger('bench', 'silent');
const WINDOW = 1_000;
const eventDate = new Date(Date.now() + 86_400_000).toISOString();
const payloadOf = (i: number) =>
  createEnvelope(ticketCreated, {
    id: randomUUID(),
    version: 0,
    title: `Bench ${i}`,
    venue: 'Hall',
    eventDate,
    priceCents: 1_000 + i,
    currency: 'usd',
    sellerId: randomUUID(),
    status: 'available',
  });

const perSecond = (n: number, ms: number) => Math.round((n / ms) * 1_000);

/** js.publish with Nats-Msg-Id, `WINDOW` acks awaited at once: what the NATS client does alone. */
export async function rawPublish(bus: Bus, events: number): Promise<number> {
  const subject = bus.subject('ticket.raw.v1');
  const payload = JSON.stringify(payloadOf(0));
  const started = performance.now();
  for (let i = 0; i < events; i += WINDOW) {
    const acks = [];
    for (let j = i; j < Math.min(events, i + WINDOW); j++) {
      acks.push(bus.js.publish(subject, payload, { msgID: randomUUID() }));
    }
    await Promise.all(acks);
  }
  return perSecond(events, performance.now() - started);
}

/** A durable pull consumer acking what rawPublish stored, no database. */
export async function rawConsume(bus: Bus, events: number): Promise<number> {
  const { stream } = bus.options;
  await bus.jsm.consumers.add(stream, {
    durable_name: 'bench_raw',
    ack_policy: AckPolicy.Explicit,
    filter_subject: bus.subject('ticket.raw.v1'),
  });
  const messages = await (await bus.js.consumers.get(stream, 'bench_raw')).consume({ max_messages: WINDOW });
  const started = performance.now();
  let seen = 0;
  for await (const message of messages) {
    message.ack();
    if (++seen >= events) break;
  }
  const rate = perSecond(events, performance.now() - started);
  await messages.close();
  return rate;
}

/** This process's CPU (user + system) per event since `since`: less swayed by a busy machine than rates. */
export const cpuMicrosPerEvent = (since: NodeJS.CpuUsage, events: number) => {
  const used = process.cpuUsage(since);
  return Math.round((used.user + used.system) / events);
};

/** `events` committed outbox rows (inserted in bulk), then the relay started: time until all are sent. */
export async function relayRate(
  bus: Bus,
  database: Database,
  events: number,
): Promise<{ perSecond: number; cpuMicrosPerEvent: number }> {
  for (let i = 0; i < events; i += WINDOW) {
    const envelopes = Array.from({ length: Math.min(WINDOW, events - i) }, (_, j) => payloadOf(i + j));
    await database.pool.query(
      'insert into outbox (id, subject, envelope) select * from unnest($1::uuid[], $2::text[], $3::jsonb[])',
      [envelopes.map((e) => e.id), envelopes.map((e) => e.subject), envelopes.map((e) => JSON.stringify(e))],
    );
  }
  const started = performance.now();
  const cpu = process.cpuUsage();
  const relay = new OutboxRelay(bus, database, logger);
  await waitFor(async () => (await unsent(database)) === 0, { timeoutMs: 600_000, intervalMs: 20 });
  const rate = perSecond(events, performance.now() - started);
  const cpuPerEvent = cpuMicrosPerEvent(cpu, events);
  await relay.close();
  return { perSecond: rate, cpuMicrosPerEvent: cpuPerEvent };
}

const unsent = async (database: Database) =>
  Number((await database.pool.query('select count(*) as n from outbox where sent_at is null')).rows[0].n);

const replica = pgTable('replica', {
  id: uuid('id').primaryKey(),
  version: integer('version').notNull(),
  title: text('title').notNull(),
  priceCents: integer('price_cents').notNull(),
});

/**
 * Applies ticket.created into a replica table through common's consumers, as the services' replicas do:
 * `batch` is batchConsumer (a lane's batch in one upsert), otherwise consumer() (a statement per event).
 * Records when each event landed.
 */
export async function startReplica(bus: Bus, database: Database, { batch }: { batch: boolean }) {
  const table = batch ? 'replica' : 'replica_per_message';
  await database.pool.query(
    `create table if not exists ${table} (id uuid primary key, version int not null, title text not null, price_cents int not null)`,
  );
  const appliedAt = new Map<string, number>();
  const definition = batch
    ? batchConsumer(ticketCreated, 'bench', async (tx, events) => {
        const rows = new Map(events.map(({ data }) => [data.id, toReplicaRow(data)]));
        await upsertMany(tx, replica, [...rows.values()], {
          target: replica.id,
          onConflict: 'update',
          set: ['version', 'title'],
        });
        const now = performance.now();
        for (const { data } of events) appliedAt.set(data.id, now);
      })
    : consumer(ticketCreated, 'bench_per_message', async (tx, data: TicketCreated) => {
        await tx.execute(sql`insert into replica_per_message (id, version, title, price_cents)
          values (${data.id}, ${data.version}, ${data.title}, ${data.priceCents})
          on conflict (id) do update set version = excluded.version, title = excluded.title`);
        appliedAt.set(data.id, performance.now());
      });
  const running = await new EventConsumer(bus, database, definition, logger).start();
  return { appliedAt, close: () => running.close() };
}

const toReplicaRow = (data: TicketCreated) => ({
  id: data.id,
  version: data.version,
  title: data.title,
  priceCents: data.priceCents,
});

export interface Produced {
  /** When each event's transaction committed, by event (ticket) id. */
  committedAt: Map<string, number>;
  /** Commits per second achieved. */
  perSecond: number;
  /** How far behind its schedule the paced producer fell at worst (0 when it kept up). */
  maxBehindMs: number;
}

/**
 * Commits single-event transactions for `ms` on `concurrency` connections, as request handlers would: at
 * `perSecond` when given (each worker takes the next slot of one schedule and waits for it), otherwise as
 * fast as they can. A producer that cannot keep up falls behind its schedule (reported, with the rate it
 * did reach) instead of queueing unbounded work at the pool: the bench's producer once did, which queued
 * the relay's and the consumer's queries behind seconds of its own on a shared pool.
 */
export async function produce(
  database: Database,
  ms: number,
  options: { perSecond?: number; concurrency: number; notifyInside?: boolean },
): Promise<Produced> {
  const committedAt = new Map<string, number>();
  const started = performance.now();
  const end = started + ms;
  let next = 0;
  let maxBehindMs = 0;
  const worker = async () => {
    for (;;) {
      const i = next++;
      const due = options.perSecond ? started + (i * 1_000) / options.perSecond : performance.now();
      if (due >= end || performance.now() >= end) return;
      const wait = due - performance.now();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      else maxBehindMs = Math.max(maxBehindMs, -wait);
      const envelope = payloadOf(i);
      await database.db.transaction(async (tx) => {
        await outbox.add(tx, ticketCreated, envelope.data);
        // What outbox.add did before it woke the relay after the commit (a channel nobody listens to).
        if (options.notifyInside) await tx.execute(sql`select pg_notify('bench_unheard', '')`);
      });
      committedAt.set(envelope.data.id, performance.now());
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, worker));
  const perSecondAchieved = perSecond(committedAt.size, performance.now() - started);
  return { committedAt, perSecond: perSecondAchieved, maxBehindMs: Math.round(maxBehindMs) };
}

/**
 * Commits/s of 8 producers as fast as they go, with a NOTIFY inside each transaction (as outbox.add was)
 * and without (as it is now), in alternating slices of `ms` / 4 so that a noisy machine sways both alike.
 */
export async function notifyCost(database: Database, ms: number) {
  const rates = { inside: [] as number[], afterCommit: [] as number[] };
  for (const notifyInside of [true, false, true, false]) {
    const { perSecond: rate } = await produce(database, ms / 4, { concurrency: 8, notifyInside });
    (notifyInside ? rates.inside : rates.afterCommit).push(rate);
  }
  const mean = (xs: number[]) => Math.round(xs.reduce((a, b) => a + b, 0) / xs.length);
  return { notifyInsidePerSecond: mean(rates.inside), wakeAfterCommitPerSecond: mean(rates.afterCommit) };
}

export function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

export { perSecond };
