/** The bus bench's figures: lags from timings, then the printed table and the JSON file in bench/results/. */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { percentile } from './bus-measure';
import type { Produced } from './bus-producer';

/** Committed → applied per event; an event not applied after the catch-up wait counts as that late. */
export function lagsOf(
  { committedAt, perSecond: produced, maxBehindMs }: Produced,
  appliedAt: Map<string, number>,
) {
  const now = performance.now();
  const lags = [...committedAt].map(([id, at]) => (appliedAt.get(id) ?? now) - at).sort((a, b) => a - b);
  return {
    producedPerSecond: produced,
    producerMaxBehindMs: maxBehindMs,
    events: lags.length,
    notApplied: [...committedAt.keys()].filter((id) => !appliedAt.has(id)).length,
    p50Ms: Math.round(percentile(lags, 50)),
    p99Ms: Math.round(percentile(lags, 99)),
    maxMs: Math.round(lags.at(-1) ?? NaN),
  };
}

type Lags = ReturnType<typeof lagsOf>;

export interface BusResults {
  date: string;
  machine: string;
  events: number;
  rawPublishPerSecond: number;
  rawConsumePerSecond: number;
  relayPerSecond: number;
  relayVsRawPublish: number;
  relayCpuMicrosPerEvent: number;
  consumerPerMessageApplyPerSecond: number;
  consumerPerMessageCpuMicrosPerEvent: number;
  consumerApplyPerSecond: number;
  consumerVsRawConsume: number;
  consumerCpuMicrosPerEvent: number;
  steady1000PerSecond: Lags;
  peak: Lags;
  producerCommitsPerSecond: { notifyInsidePerSecond: number; wakeAfterCommitPerSecond: number };
}

/** Prints the figures, one row each, and writes them all to bench/results/bus-<date>.json. */
export function report(results: BusResults): void {
  const r = results;
  const row = (label: string, value: string) => console.warn(`${label.padEnd(48)} ${value}`);
  row('machine', r.machine);
  row('raw JetStream publish (js.publish)', `${r.rawPublishPerSecond} events/s`);
  row('raw durable pull consume (ack only)', `${r.rawConsumePerSecond} events/s`);
  row(
    'relay outbox → JetStream',
    `${r.relayPerSecond} events/s  (${r.relayVsRawPublish} × raw publish), ${r.relayCpuMicrosPerEvent} µs CPU/event`,
  );
  const perMessageVsRaw = +(r.consumerPerMessageApplyPerSecond / r.rawConsumePerSecond).toFixed(3);
  row(
    'consumer apply, per-message handler',
    `${r.consumerPerMessageApplyPerSecond} events/s  (${perMessageVsRaw} × raw consume), ` +
      `${r.consumerPerMessageCpuMicrosPerEvent} µs CPU/event`,
  );
  row(
    'consumer apply, batch handler (replica upsert)',
    `${r.consumerApplyPerSecond} events/s  (${r.consumerVsRawConsume} × raw consume), ` +
      `${r.consumerCpuMicrosPerEvent} µs CPU/event`,
  );
  const lag = (l: Lags) =>
    `p50 ${l.p50Ms} ms, p99 ${l.p99Ms} ms, max ${l.maxMs} ms` +
    (l.notApplied ? `, ${l.notApplied} not applied after 2 min` : '');
  const s = r.steady1000PerSecond;
  const behind = s.producerMaxBehindMs > 100 ? ` (fell ${s.producerMaxBehindMs} ms behind)` : '';
  row(`committed → applied, 1,000/s asked, ${s.producedPerSecond}/s done${behind}`, lag(s));
  row(`replica lag producing at ${r.peak.producedPerSecond} events/s`, lag(r.peak));
  const notify = r.producerCommitsPerSecond;
  row(
    'producer commits/s: NOTIFY in tx vs after commit',
    `${notify.notifyInsidePerSecond} vs ${notify.wakeAfterCommitPerSecond} ` +
      `(${+(notify.wakeAfterCommitPerSecond / notify.notifyInsidePerSecond).toFixed(2)} ×)`,
  );
  const dir = path.join(__dirname, 'results');
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `bus-${r.date.replace(/[:.]/g, '-')}.json`);
  writeFileSync(file, `${JSON.stringify(r, null, 2)}\n`);
  console.warn(`written to ${path.relative(process.cwd(), file)}`);
}
