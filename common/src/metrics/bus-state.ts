import type { QueryConfig } from 'pg';
import type { Registry } from 'prom-client';
import type { Bus } from '../bus/bus';
import type { Database } from '../db/database';
import { ScrapedReading } from './scraped';
import { CONSUMER_LABELS, gaugeOf, metricSpec } from './spec';

/** Read from the database and JetStream when /metrics is scraped (NaN when they cannot be read in time). */
export const BUS_STATE_METRICS = {
  outboxPending: metricSpec('gauge', 'outbox_pending_events', 'Outbox rows not yet published'),
  outboxOldestAge: metricSpec(
    'gauge',
    'outbox_oldest_pending_age_seconds',
    'Age of the oldest unpublished outbox row, 0 when none: growing means the relay is not publishing',
  ),
  deadLetters: metricSpec('gauge', 'bus_dead_letters_open', 'Dead letters neither replayed nor discarded'),
  consumerPending: metricSpec(
    'gauge',
    'bus_consumer_pending_messages',
    'Messages of the stream not yet delivered to the durable consumer (JetStream num_pending)',
    CONSUMER_LABELS,
  ),
  consumerAckPending: metricSpec(
    'gauge',
    'bus_consumer_ack_pending_messages',
    'Messages delivered to the durable consumer and not yet acknowledged (JetStream num_ack_pending)',
    CONSUMER_LABELS,
  ),
};

const DATABASE_READ = { timeoutMs: 1_000, cacheMs: 1_000 };
const JETSTREAM_READ = { timeoutMs: 1_000, cacheMs: 5_000 };

/** A query that gives up after 5 s (a hung database must not hold a scrape's reading forever). */
const boundedQuery = (text: string): QueryConfig => ({ text, query_timeout: 5_000 }) as QueryConfig;

interface OutboxState {
  pending: number;
  oldest: number;
  deadLetters: number;
}

/** The outbox backlog and the open dead letters: one cheap query (the unsent rows have a partial index). */
export function registerOutboxMetrics(registry: Registry, database: Database): void {
  const reading = new ScrapedReading(async () => {
    const { rows } = await database.pool.query<OutboxState>(
      boundedQuery(`select (select count(*) from outbox where sent_at is null)::int as pending,
        coalesce(extract(epoch from now() - (select created_at from outbox where sent_at is null
          order by seq limit 1)), 0)::float8 as oldest,
        (select count(*) from dead_letters where replayed_at is null and discarded_at is null)::int
          as "deadLetters"`),
    );
    return rows[0]!;
  }, DATABASE_READ);
  const gauge = (spec: (typeof BUS_STATE_METRICS)['outboxPending'], field: keyof OutboxState) =>
    gaugeOf(spec, registry, async (g) => g.set((await reading.get())?.[field] ?? NaN));
  gauge(BUS_STATE_METRICS.outboxPending, 'pending');
  gauge(BUS_STATE_METRICS.outboxOldestAge, 'oldest');
  gauge(BUS_STATE_METRICS.deadLetters, 'deadLetters');
}

/** What JetStream holds for each of the service's durable consumers (one request per consumer). */
export function registerConsumerBacklogMetrics(
  registry: Registry,
  bus: Bus,
  consumers: Array<{ name: string; subject: string }>,
): void {
  const reading = new ScrapedReading(
    () =>
      Promise.all(
        consumers.map((c) =>
          bus.jsm.consumers.info(bus.options.stream, c.name).then(
            (info) => ({ pending: info.num_pending, ackPending: info.num_ack_pending }),
            () => undefined,
          ),
        ),
      ),
    JETSTREAM_READ,
  );
  const gauge = (spec: (typeof BUS_STATE_METRICS)['consumerPending'], field: 'pending' | 'ackPending') =>
    gaugeOf(spec, registry, async (g) => {
      const infos = await reading.get();
      consumers.forEach(({ name, subject }, i) =>
        g.set({ consumer: name, subject }, infos?.[i]?.[field] ?? NaN),
      );
    });
  gauge(BUS_STATE_METRICS.consumerPending, 'pending');
  gauge(BUS_STATE_METRICS.consumerAckPending, 'ackPending');
}
