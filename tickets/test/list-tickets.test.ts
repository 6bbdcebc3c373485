import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { forThisFile, invalidFields } from '@ticketing/common/testing';
import type { z } from 'zod';
import type { publicTicket } from '../src/api/ticket-view';
import { inDays, pagesOf, seedTickets, startTickets, type ListQuery, type SeedRow } from './factories';

const service = forThisFile(startTickets);

type Item = z.infer<typeof publicTicket>;
const STATUSES = ['available', 'available', 'available', 'reserved', 'sold', 'withdrawn'] as const;

/** n rows of one seller: several share an event date (the id breaks the tie), a sixth of each status. */
function generate(
  n: number,
  sellerId: string,
  make: (i: number) => Partial<SeedRow> = () => ({}),
): SeedRow[] {
  return Array.from({ length: n }, (_, i) => ({
    title: `Show ${i}`,
    venue: `Venue ${i % 7}`,
    eventDate: inDays(1 + Math.floor(i / 3) / 10),
    priceCents: 1_000 + ((i * 37) % 50) * 100,
    sellerId,
    status: STATUSES[i % STATUSES.length],
    ...make(i),
  }));
}

const list = (query: ListQuery) => request(service.app).get('/api/tickets').query(query);
const walk = pagesOf<Item>(list);

const byDateThenId = (a: Item, b: Item) =>
  a.eventDate === b.eventDate ? (a.id < b.id ? -1 : 1) : a.eventDate < b.eventDate ? -1 : 1;

test('when walking every page, then each available ticket appears exactly once, soonest event first', async () => {
  const sellerId = randomUUID();
  const rows = generate(300, sellerId);
  const ids = await seedTickets(service.database.db, rows);
  const available = ids.filter((_, i) => rows[i]!.status === 'available').map((r) => r.id);

  const seen = await walk({ sellerId, limit: 37 });

  expect(seen.map((t) => t.id).sort()).toEqual([...available].sort());
  expect(new Set(seen.map((t) => t.id)).size).toBe(seen.length);
  expect([...seen].sort(byDateThenId)).toEqual(seen);
});

test('when rows are inserted between page fetches, then no original row is skipped or repeated', async () => {
  const sellerId = randomUUID();
  const originals = await seedTickets(
    service.database.db,
    generate(200, sellerId, () => ({ status: 'available' })),
  );
  let batch = 0;
  const insertMore = () =>
    seedTickets(
      service.database.db,
      // New rows land before, inside and after the pages already read.
      generate(15, sellerId, (i) => ({
        status: 'available',
        eventDate: inDays(1 + ((i * 7 + batch++) % 70) / 10),
      })),
    );

  const seen = await walk({ sellerId, limit: 25 }, insertMore);

  const seenIds = seen.map((t) => t.id);
  expect(new Set(seenIds).size).toBe(seenIds.length);
  const originalIds = new Set(originals.map((r) => r.id));
  expect(seenIds.filter((id) => originalIds.has(id)).sort()).toEqual([...originalIds].sort());
  expect([...seen].sort(byDateThenId)).toEqual(seen);
});

test('when q is given, then it matches title or venue case-insensitively, and % and _ match literally', async () => {
  const sellerId = randomUUID();
  const token = `zx${randomUUID().slice(0, 8)}`;
  const rows = generate(120, sellerId, (i) => ({
    status: 'available',
    title: i % 10 === 0 ? `Jazz ${token.toUpperCase()} night` : i % 10 === 1 ? `100%_${token}` : `Show ${i}`,
    venue: i % 10 === 2 ? `The ${token} Club` : i % 10 === 3 ? `100x${token}` : 'Hall',
  }));
  await seedTickets(service.database.db, rows);

  const all = await walk({ q: token, limit: 10 });
  expect(all).toHaveLength(48);
  expect(all.every((t) => `${t.title} ${t.venue}`.toLowerCase().includes(token))).toBe(true);

  const literal = await walk({ q: `100%_${token}` });
  expect(literal).toHaveLength(12);
  expect(literal.every((t) => t.title === `100%_${token}`)).toBe(true);
});

test('when date and price ranges are given, then only tickets inside both (inclusive) are listed', async () => {
  const sellerId = randomUUID();
  const rows = generate(240, sellerId, (i) => ({ status: 'available', priceCents: 1_000 + (i % 20) * 500 }));
  await seedTickets(service.database.db, rows);
  const from = inDays(2);
  const to = inDays(5);

  const seen = await walk({
    sellerId,
    from: from.toISOString(),
    to: to.toISOString(),
    minPrice: 3_000,
    maxPrice: 6_000,
  });

  const expected = rows.filter(
    (r) => r.eventDate >= from && r.eventDate <= to && r.priceCents >= 3_000 && r.priceCents <= 6_000,
  );
  expect(expected.length).toBeGreaterThan(10);
  expect(seen).toHaveLength(expected.length);
  expect(seen.every((t) => t.priceCents >= 3_000 && t.priceCents <= 6_000)).toBe(true);
});

test('when a currency is given, then prices are compared only among listings in that currency', async () => {
  const sellerId = randomUUID();
  const rows = generate(30, sellerId, (i) => ({
    status: 'available' as const,
    currency: i % 3 === 0 ? 'jpy' : 'usd',
    priceCents: i % 3 === 0 ? 12_000 : 15_000,
  }));
  await seedTickets(service.database.db, rows);

  const usd = await walk({ sellerId, currency: 'USD', minPrice: 10_000, maxPrice: 20_000 });
  expect(usd).toHaveLength(20);
  expect(usd.every((t) => t.currency === 'usd')).toBe(true);
  expect(await walk({ sellerId, currency: 'jpy' })).toHaveLength(10);
  expect((await list({ currency: 'dollars' })).body.errors[0]).toMatchObject({ field: 'currency' });
});

test('when no limit is given, then a page holds 20; events already started are never listed', async () => {
  const sellerId = randomUUID();
  await seedTickets(service.database.db, [
    ...generate(25, sellerId, () => ({ status: 'available' })),
    ...generate(3, sellerId, () => ({ status: 'available', eventDate: inDays(-1) })),
  ]);
  const first = await list({ sellerId });
  expect(first.body.items).toHaveLength(20);
  expect(typeof first.body.nextCursor).toBe('string');
  expect(await walk({ sellerId })).toHaveLength(25);
});

test('when list parameters are invalid, then 400 names each of them', async () => {
  const res = await list({ limit: 101, cursor: 'garbage', minPrice: -1, sellerId: 'nope', from: 'soon' });
  expect(res.status).toBe(400);
  expect(invalidFields(res)).toEqual(['cursor', 'from', 'limit', 'minPrice', 'sellerId']);
  const twoProblems = await list({ from: inDays(5).toISOString(), to: inDays(1).toISOString(), limit: 0 });
  expect(invalidFields(twoProblems)).toEqual(['limit', 'to']);
  const inverted = await list({ from: inDays(5).toISOString(), to: inDays(1).toISOString() });
  expect(inverted.status).toBe(400);
  expect(inverted.body.errors).toEqual([expect.objectContaining({ field: 'to' })]);
});
