import { lt, sql } from 'drizzle-orm';
import type { Db } from '../db/database';
import type { PeriodicJobDefinition } from '../db/periodic-job';
import { DUPLICATE_WINDOW_MS } from './bus';
import { processedEvents } from './schema';

/**
 * How long a consumer remembers an event it handled. JetStream itself drops a duplicate publish only
 * within DUPLICATE_WINDOW_MS; the outbox relay may re-send a row later (it published, then crashed
 * before marking it sent, and NATS stayed away), so the margin is a week, far beyond any such outage.
 */
export const PROCESSED_EVENTS_RETENTION_MS = Math.max(7 * 24 * 3600_000, DUPLICATE_WINDOW_MS);

export async function purgeProcessedEvents(
  db: Db,
  retentionMs = PROCESSED_EVENTS_RETENTION_MS,
): Promise<number> {
  const cutoff = sql`now() - make_interval(secs => ${retentionMs / 1000})`;
  const result = await db.delete(processedEvents).where(lt(processedEvents.processedAt, cutoff));
  return result.rowCount ?? 0;
}

export const processedEventsPurge = (db: Db): PeriodicJobDefinition => ({
  name: 'processed_events purge',
  intervalMs: 3600_000,
  run: () => purgeProcessedEvents(db),
});
