import type { Redis } from 'ioredis';
import { gaugeOf, metricSpec, ScrapedReading, watchRedisConnection, type Registry } from '@ticketing/common';
import type { ExpirationQueue } from './expiration-queue';

const STATES = ['waiting', 'delayed', 'active', 'failed'] as const;

export const QUEUE_METRICS = {
  jobs: metricSpec(
    'gauge',
    'expiration_queue_jobs',
    'Expiration jobs by state: delayed (scheduled), waiting (due), active, failed (gave up: retry them by hand)',
    ['state'],
  ),
};

/** The queue's job counts, read from Redis at scrape time, and the state of its two connections. */
export function registerQueueMetrics(
  registry: Registry,
  queue: ExpirationQueue,
  connections: { queue: Redis; worker: Redis },
): void {
  const counts = new ScrapedReading(() => queue.getJobCounts(...STATES), {
    timeoutMs: 1_000,
    cacheMs: 1_000,
  });
  gaugeOf(QUEUE_METRICS.jobs, registry, async (gauge) => {
    const read = await counts.get();
    for (const state of STATES) gauge.set({ state }, read?.[state] ?? NaN);
  });
  watchRedisConnection(registry, 'expiration-queue', connections.queue);
  watchRedisConnection(registry, 'expiration-worker', connections.worker);
}
