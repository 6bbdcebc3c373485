import { Registry } from 'prom-client';
import { CONSUMER_LABELS, counterOf, histogramOf, metricSpec } from './spec';

/** Counted by the relay and the consumers as they work (see docs/operations.md). */
export const BUS_METRICS = {
  published: metricSpec('counter', 'outbox_published_total', 'Outbox rows the relay published to JetStream'),
  publishFailures: metricSpec(
    'counter',
    'outbox_publish_failures_total',
    'Relay batches stopped by a failed publish (NATS away, stream missing); their rows are retried',
  ),
  processed: metricSpec(
    'counter',
    'bus_events_processed_total',
    'Events applied (or recognised as duplicates) and acknowledged',
    CONSUMER_LABELS,
  ),
  retried: metricSpec(
    'counter',
    'bus_events_retried_total',
    'Deliveries handed back to retry later, by reason: predecessor, unavailable, failed',
    [...CONSUMER_LABELS, 'reason'],
  ),
  handlerFailures: metricSpec(
    'counter',
    'bus_handler_failures_total',
    'Non-transient handler failures counted towards dead-lettering',
    CONSUMER_LABELS,
  ),
  deadLettered: metricSpec(
    'counter',
    'bus_dead_lettered_total',
    'Messages moved to dead_letters',
    CONSUMER_LABELS,
  ),
  predecessorOverdue: metricSpec(
    'counter',
    'bus_predecessor_overdue_total',
    'Events still waiting for their predecessor after BUS_PREDECESSOR_ALERT_MS (each counted once)',
    CONSUMER_LABELS,
  ),
  handlerDuration: metricSpec(
    'histogram',
    'bus_handler_duration_seconds',
    "Committed handler transactions: one message, or a batch of one lane's messages applied together",
    CONSUMER_LABELS,
  ),
};

/** Why a delivery was handed back: a missing predecessor, infrastructure away, or a counted failure. */
export type RetryReason = 'predecessor' | 'unavailable' | 'failed';

/** One consumer's counters, already labelled: the consumer code calls these in one line each. */
export interface ConsumerMetrics {
  processed(count: number): void;
  retried(reason: RetryReason): void;
  handlerFailed(): void;
  deadLettered(): void;
  predecessorOverdue(): void;
  /** Starts timing a handler transaction; call the answer once it committed. */
  timeHandler(): () => void;
}

export interface RelayMetrics {
  /** One relay batch: how many rows JetStream took, and whether a publish failed. */
  batch(published: number, failed: boolean): void;
}

export interface BusMetrics {
  consumer(name: string, subject: string): ConsumerMetrics;
  relay: RelayMetrics;
}

/** The bus's counters on the service's registry (served at /metrics). One set per registry. */
export function createBusMetrics(registry: Registry): BusMetrics {
  const published = counterOf(BUS_METRICS.published, registry);
  const publishFailures = counterOf(BUS_METRICS.publishFailures, registry);
  const processed = counterOf(BUS_METRICS.processed, registry);
  const retried = counterOf(BUS_METRICS.retried, registry);
  const failures = counterOf(BUS_METRICS.handlerFailures, registry);
  const deadLettered = counterOf(BUS_METRICS.deadLettered, registry);
  const overdue = counterOf(BUS_METRICS.predecessorOverdue, registry);
  const duration = histogramOf(
    BUS_METRICS.handlerDuration,
    registry,
    [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
  );
  return {
    consumer(consumer, subject) {
      const labels = { consumer, subject };
      return {
        processed: (count) => processed.inc(labels, count),
        retried: (reason) => retried.inc({ ...labels, reason }),
        handlerFailed: () => failures.inc(labels),
        deadLettered: () => deadLettered.inc(labels),
        predecessorOverdue: () => overdue.inc(labels),
        timeHandler: () => duration.startTimer(labels),
      };
    },
    relay: {
      batch(count, failed) {
        if (count > 0) published.inc(count);
        if (failed) publishFailures.inc();
      },
    },
  };
}

/** Counters nobody scrapes, for a relay or consumer built without the service's registry (tests, tools). */
export const unscrapedBusMetrics = (): BusMetrics => createBusMetrics(new Registry());
