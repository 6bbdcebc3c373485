/** The bench's producing service: single-event transactions writing outbox rows, paced or flat out. */
import { performance } from 'node:perf_hooks';
import { sql } from 'drizzle-orm';
import { outbox, ticketCreated, type Database } from '@ticketing/common';
import { payloadOf, perSecond } from './bus-measure';

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
