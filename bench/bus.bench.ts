/**
 * Event bus throughput and latency against the machine's real PostgreSQL and NATS JetStream, with the raw
 * NATS rates measured in the same run as the baseline:
 *   npm run bench:bus -- [events=10000] [steadySeconds=10]
 * 1. raw JetStream publish (js.publish, 1,000 acks awaited at once) and raw durable pull consume (ack only);
 * 2. relay: `events` committed outbox rows → JetStream;
 * 3. consumer: the same events applied by common's consumer() as replica upserts;
 * 4. event committed → applied in the replica, p50/p99, while producing a steady 1,000 events/s;
 * 5. replica lag (committed → applied) while sellers produce as fast as 8 connections commit.
 * Prints figures and writes them to bench/results/; nothing is asserted.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { createMigratedDatabase, createTestBus, waitFor } from '@ticketing/common/testing';
import {
  percentile,
  perSecond,
  produce,
  rawConsume,
  rawPublish,
  relayRate,
  startReplica,
  logger,
} from './bus-phases';
import { OutboxRelay } from '@ticketing/common';

const events = Number(process.argv[2] ?? 10_000);
const steadyMs = Number(process.argv[3] ?? 10) * 1_000;
const CATCH_UP_MS = 120_000;

/** Waits (at most CATCH_UP_MS) until every event produced is applied. */
const caughtUp = (committedAt: Map<string, number>, appliedAt: Map<string, number>) =>
  waitFor(() => [...committedAt.keys()].every((id) => appliedAt.has(id)), {
    timeoutMs: CATCH_UP_MS,
    intervalMs: 100,
  }).catch(() => undefined);

/** Committed → applied per event; an event not applied after the catch-up wait counts as that late. */
function lagsOf(committedAt: Map<string, number>, appliedAt: Map<string, number>) {
  const now = performance.now();
  const lags = [...committedAt].map(([id, at]) => (appliedAt.get(id) ?? now) - at).sort((a, b) => a - b);
  return {
    events: lags.length,
    notApplied: [...committedAt.keys()].filter((id) => !appliedAt.has(id)).length,
    p50Ms: Math.round(percentile(lags, 50)),
    p99Ms: Math.round(percentile(lags, 99)),
    maxMs: Math.round(lags.at(-1) ?? NaN),
  };
}

async function main() {
  const database = await createMigratedDatabase('bench_bus');
  const bus = await createTestBus({ maxDeliveries: 5 });
  try {
    const raw = { publish: await rawPublish(bus, events), consume: await rawConsume(bus, events) };
    const relay = await relayRate(bus, database, events);
    const started = performance.now();
    const replica = await startReplica(bus, database);
    await waitFor(() => replica.appliedAt.size >= events, { timeoutMs: 1_800_000, intervalMs: 50 });
    const apply = perSecond(events, performance.now() - started);

    const running = new OutboxRelay(bus, database, logger);
    const steady = await produce(database, steadyMs, { perSecond: 1_000 });
    await caughtUp(steady, replica.appliedAt);
    const peakStarted = performance.now();
    const peak = await produce(database, steadyMs, { concurrency: 8 });
    const produced = perSecond(peak.size, performance.now() - peakStarted);
    await caughtUp(peak, replica.appliedAt);
    await running.close();
    await replica.close();

    const results = {
      date: new Date().toISOString(),
      machine: `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, load ${os.loadavg()[0]!.toFixed(1)}`,
      events,
      rawPublishPerSecond: raw.publish,
      rawConsumePerSecond: raw.consume,
      relayPerSecond: relay,
      relayVsRawPublish: +(relay / raw.publish).toFixed(2),
      consumerApplyPerSecond: apply,
      consumerVsRawConsume: +(apply / raw.consume).toFixed(3),
      steady1000PerSecond: lagsOf(steady, replica.appliedAt),
      peak: { producedPerSecond: produced, lag: lagsOf(peak, replica.appliedAt) },
    };
    const row = (label: string, value: string) => console.warn(`${label.padEnd(44)} ${value}`);
    row('machine', results.machine);
    row('raw JetStream publish (js.publish)', `${raw.publish} events/s`);
    row('raw durable pull consume (ack only)', `${raw.consume} events/s`);
    row('relay outbox → JetStream', `${relay} events/s  (${results.relayVsRawPublish} × raw publish)`);
    row(
      'consumer apply (replica upsert)',
      `${apply} events/s  (${results.consumerVsRawConsume} × raw consume)`,
    );
    const s = results.steady1000PerSecond;
    const late = (l: { notApplied: number }) =>
      l.notApplied ? `, ${l.notApplied} not applied after 2 min` : '';
    row(
      'committed → applied at 1,000 events/s',
      `p50 ${s.p50Ms} ms, p99 ${s.p99Ms} ms, max ${s.maxMs} ms${late(s)}`,
    );
    const p = results.peak.lag;
    row(
      `replica lag producing at ${produced} events/s`,
      `p50 ${p.p50Ms} ms, p99 ${p.p99Ms} ms, max ${p.maxMs} ms${late(p)}`,
    );
    const dir = path.join(__dirname, 'results');
    mkdirSync(dir, { recursive: true });
    const file = path.join(dir, `bus-${results.date.replace(/[:.]/g, '-')}.json`);
    writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
    console.warn(`written to ${path.relative(process.cwd(), file)}`);
  } finally {
    await bus.destroy();
    await database.drop();
  }
}

void main();
