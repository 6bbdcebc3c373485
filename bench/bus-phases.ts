/**
 * The phases of bench/bus.bench.ts: raw NATS baselines, then the bus's relay and consumer (its producers
 * are bus-producer.ts, its shared measures bus-measure.ts).
 */
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { AckPolicy } from '@nats-io/jetstream';
import { sql } from 'drizzle-orm';
import { integer, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import {
  batchConsumer,
  consumer,
  EventConsumer,
  OutboxRelay,
  ticketCreated,
  type Bus,
  type Database,
  type TicketCreated,
  upsertMany,
} from '@ticketing/common';
import { waitFor } from '@ticketing/common/testing';
import { cpuMicrosPerEvent, logger, payloadOf, perSecond, WINDOW } from './bus-measure';

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
