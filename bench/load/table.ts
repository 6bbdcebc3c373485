import type { FlashSaleResult } from './flash-sale';
import type { HandledOnce } from './handled-once';
import type { ListingLagResult } from './listing-lag';
import type { SteadyResult } from './steady';

export interface LoadResult {
  at: string;
  machine: { cpus: number; load: number[] };
  /** Instances of orders and tickets behind the gateway (PLATFORM_INSTANCES). */
  instances: number;
  settings: { warmupSeconds: number };
  flashSale: FlashSaleResult;
  bare: SteadyResult;
  steady: SteadyResult;
  ratio: number;
  settleSeconds: number;
  handledOnce: HandledOnce;
  cpuMsPerOrder: Record<string, number>;
  listing: ListingLagResult;
  rssMb: { end: Record<string, number>; peak: Record<string, number> };
}

const mark = (ok: boolean) => (ok ? 'ok' : 'MISSED');
const statuses = (counts: Record<string, number>) =>
  Object.entries(counts)
    .map(([status, n]) => `${n}×${status}`)
    .join(' ');

/** One table: each figure with the issue's target beside it. */
export function printTable(r: LoadResult): void {
  const { flashSale: f, bare: b, steady: s, listing: l } = r;
  const errors = Object.entries(f.statuses).reduce(
    (n, [k, v]) => (k === '201' || k === '409' ? n : n + v),
    0,
  );
  // The target is the services' (orders-2 is an instance of orders); the runner and maildev are listed too.
  const isService = (name: string) =>
    ['auth', 'tickets', 'orders', 'payments', 'expiration', 'notifications'].includes(
      name.replace(/-\d+$/, ''),
    );
  const maxRss = Math.max(
    ...Object.entries(r.rssMb.peak)
      .filter(([name]) => isService(name))
      .map(([, mb]) => mb),
  );
  const h = r.handledOnce;
  const rows: [string, string, string, string][] = [
    ['flash sale', `${f.buyers} buyers / ${f.tickets} tickets: ${statuses(f.statuses)}`, '', ''],
    ['', `oversold ${f.oversold}, errors ${errors}`, '0, 0', mark(f.oversold === 0 && errors === 0)],
    [
      '',
      `p50 ${f.latency.p50} ms, p99 ${f.latency.p99} ms, max ${f.latency.max} ms, wall ${f.wallMs} ms`,
      'p99 ≤ 1000 ms',
      mark(f.latency.p99 <= 1000),
    ],
    [
      'bare path',
      `${b.ordersPerSecond} orders/s, p50 ${b.latency.p50} ms, p99 ${b.latency.p99} ms, errors ${b.errors}`,
      '0 errors (else no baseline)',
      b.errors === 0 ? '' : 'BROKEN',
    ],
    [
      'steady (gateway)',
      `${s.ordersPerSecond} orders/s, p50 ${s.latency.p50} ms, p99 ${s.latency.p99} ms, errors ${s.errors}`,
      'p99 ≤ 60 ms, 0 errors',
      mark(s.latency.p99 <= 60 && s.errors === 0),
    ],
    // A bare path that failed is no baseline: the ratio then says nothing.
    [
      'steady / bare',
      `${r.ratio}`,
      '≥ 0.70',
      mark(b.errors === 0 && b.ordersPerSecond > 0 && r.ratio >= 0.7),
    ],
    ['events settled', `${r.settleSeconds} s after the steady run`, '', ''],
    [
      'handled once',
      `${h.orderCreated} order.created; processed by ${Object.entries(h.handledBy)
        .map(([k, v]) => `${k} ${v}`)
        .join(', ')}; dead letters ${Object.values(h.deadLetters).reduce((a, b) => a + b, 0)}`,
      'each exactly once, 0',
      mark(h.ok),
    ],
    [
      'CPU ms per order',
      Object.entries(r.cpuMsPerOrder)
        .map(([k, v]) => `${k} ${v}`)
        .join(', '),
      '',
      '',
    ],
    [
      'listing → orderable',
      `${l.listingsPerSecond} listings/s (${statuses(l.statuses)}), lag p50 ${l.lag.p50} ms, p99 ${l.lag.p99} ms, missing ${l.missing}`,
      'p99 ≤ 100 ms',
      mark(l.lag.p99 <= 100 && l.missing === 0),
    ],
    [
      'RSS peak (MB)',
      Object.entries(r.rssMb.peak)
        .map(([k, v]) => `${k} ${v}`)
        .join(', '),
      '< 150 each service',
      mark(maxRss < 150),
    ],
    [
      'RSS end (MB)',
      Object.entries(r.rssMb.end)
        .map(([k, v]) => `${k} ${v}`)
        .join(', '),
      '',
      '',
    ],
  ];
  const width = [0, 1, 2, 3].map((c) => Math.max(...rows.map((row) => row[c]!.length)));
  const line = (row: string[]) => `| ${row.map((cell, c) => cell.padEnd(width[c]!)).join(' | ')} |`;
  process.stdout.write(
    `\nbench:load ${r.at}, ${r.machine.cpus} CPUs, load average ${r.machine.load.join(' ')}, ` +
      `${r.instances} instance(s) of orders and tickets, warm-up ${r.settings.warmupSeconds}s\n`,
  );
  process.stdout.write(`${line(['phase', 'figures', 'target', ''])}\n`);
  process.stdout.write(`${line(width.map((w) => '-'.repeat(w)))}\n`);
  for (const row of rows) process.stdout.write(`${line(row)}\n`);
  for (const [status, body] of Object.entries(f.unexpected))
    process.stdout.write(`flash sale, a ${status} answer: ${body}\n`);
}
