/**
 * Seeds N listings into a scratch database and prints the list endpoint's latency (p50/p95) with and
 * without `q`, plus the plans PostgreSQL picks. Figures only, no assertions.
 *   npm run bench:tickets -- [rows=100000] [requests=200]
 * Needs the local PostgreSQL, NATS and Redis, and a built common (npx tsc -b tickets).
 */
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import request from 'supertest';
import { decodeCursor } from '@ticketing/common';
import { startTestService } from '@ticketing/common/testing';
import { ticketsService } from '../tickets/src/app';
import { loadServiceConfig } from '../tickets/src/config';
import { ticketsRepository, type AvailableFilters } from '../tickets/src/data/tickets.repository';

const rows = Number(process.argv[2] ?? 100_000);
const requests = Number(process.argv[3] ?? 200);
const print = (line = '') => process.stdout.write(`${line}\n`);

// Words drawn at random: "rock" lands in ~1 title in 12, the venue token in ~1 row in 1,000.
// Each listing gets an event of its own, as the migration would make of listings that predate events.
const SEED_SQL = `
  with listings as (
  select
    gen_random_uuid() as event_id,
    (array['Rock','Jazz','Opera','Comedy','Ballet','Techno','Folk','Blues','Metal','Soul','Indie','Punk'])[1 + (i % 12)]
      || ' night ' || md5(i::text) as title,
    case when i % 1000 = 3 then 'Hall of Xylophones' else 'Venue ' || (i % 500) end as venue,
    now() + (random() * 365 || ' days')::interval as event_date,
    100 + (random() * 50000)::int as price_cents,
    gen_random_uuid() as seller_id,
    s.status::ticket_status as status,
    case when s.status in ('reserved', 'sold') then gen_random_uuid() end as order_id,
    (s.status = 'reserved')::int as reserved,
    (s.status = 'sold')::int as sold
  from generate_series(1, $1::int) as i,
  lateral (select case when i % 10 = 0 then 'sold' when i % 10 = 1 then 'reserved'
                       when i % 20 = 2 then 'withdrawn' else 'available' end as status) s),
  made as (
    insert into events (id, title, venue, city, starts_at, time_zone)
    select event_id, title, venue, 'Benchville', event_date, 'UTC' from listings)
  insert into tickets (event_id, title, venue, event_date, price_cents, seller_id, status, order_id, reserved, sold)
  select event_id, title, venue, event_date, price_cents, seller_id, status, order_id, reserved, sold from listings`;

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;

async function main() {
  const service = await startTestService(ticketsService, (env) => loadServiceConfig(env), {
    LOG_LEVEL: 'silent',
  });
  // One listening server for every request: supertest would otherwise bind a new port per call.
  const server = service.app.listen(0);
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const get = (query: Record<string, string | number>) => request(base).get('/api/tickets').query(query);
  try {
    const started = performance.now();
    await service.database.pool.query(SEED_SQL, [rows]);
    await service.database.pool.query('analyze tickets');
    print(`seeded ${rows} rows in ${((performance.now() - started) / 1000).toFixed(1)} s`);

    const firstPage = await get({ limit: 20 });
    const middle = await get({ limit: 100, q: 'rock' });
    const scenarios: [string, Record<string, string | number>, AvailableFilters][] = [
      ['first page, no filter', { limit: 20 }, {}],
      ['next page (cursor), no filter', { limit: 20, cursor: firstPage.body.nextCursor }, {}],
      ['q=rock (common word)', { limit: 20, q: 'rock' }, { q: 'rock' }],
      ['q=rock, next page', { limit: 20, q: 'rock', cursor: middle.body.nextCursor }, { q: 'rock' }],
      ['q=xylophones (rare word)', { limit: 20, q: 'xylophones' }, { q: 'xylophones' }],
      [
        'price 1000-2000',
        { limit: 20, minPrice: 1_000, maxPrice: 2_000 },
        { minPrice: 1_000, maxPrice: 2_000 },
      ],
    ];
    print(`\n${'scenario'.padEnd(32)} ${'p50 ms'.padStart(8)} ${'p95 ms'.padStart(8)}  items`);
    for (const [name, query] of scenarios) {
      const timings: number[] = [];
      let items = 0;
      for (let i = 0; i < requests; i++) {
        const t0 = performance.now();
        const res = await get(query);
        timings.push(performance.now() - t0);
        items = res.body.items?.length ?? -1;
      }
      timings.sort((a, b) => a - b);
      const [p50, p95] = [percentile(timings, 0.5), percentile(timings, 0.95)].map((t) =>
        t.toFixed(2).padStart(8),
      );
      print(`${name.padEnd(32)} ${p50} ${p95}  ${items}`);
    }

    for (const [name, params, filters] of scenarios) {
      const after = typeof params.cursor === 'string' ? decodeCursor(params.cursor) : undefined;
      const query = ticketsRepository.listAvailable(service.database.db, filters, 21, after).toSQL();
      const plan = await service.database.pool.query(`explain (analyze, buffers) ${query.sql}`, query.params);
      print(`\n-- ${name}`);
      for (const row of plan.rows as { 'QUERY PLAN': string }[]) print(row['QUERY PLAN']);
    }
  } finally {
    server.close();
    await service.close();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
