import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { forThisFile, invalidFields, signIn } from '@ticketing/common/testing';
import type { z } from 'zod';
import type { eventSummary } from '../src/api/event-view';
import { createEvent, createListing, inDays, pagesOf, startTickets, type ListQuery } from './factories';

const service = forThisFile(startTickets);

const list = (query: ListQuery) => request(service.app).get('/api/events').query(query);
const walk = pagesOf<z.infer<typeof eventSummary>>(list);

/** An event of its own city (so a test sees only its own events) with listings at these prices. */
async function eventWith(city: string, prices: number[], overrides: Record<string, unknown> = {}) {
  const seller = signIn();
  const event = await createEvent(service.app, seller, { city, ...overrides });
  for (const priceCents of prices) await createListing(service.app, seller, { priceCents }, event.id);
  return event;
}

const town = () => `Town ${randomUUID().slice(0, 8)}`;

test('when several listings share an event, then the event is listed once with their count and lowest price', async () => {
  const city = town();
  const event = await eventWith(city, [6_500, 4_800, 7_250, 5_000], { title: 'The Midnight Owls' });

  const res = await list({ city });

  expect(res.status).toBe(200);
  expect(res.body.items).toEqual([
    expect.objectContaining({
      id: event.id,
      title: 'The Midnight Owls',
      city,
      timeZone: 'America/New_York',
      availableCount: 4,
      lowestPrice: { priceCents: 4_800, currency: 'usd' },
    }),
  ]);
});

test('when a word is misspelt or only begun, then search still finds the event, word by word', async () => {
  const city = town();
  const owls = await eventWith(city, [4_800], {
    title: 'The Midnight Owls — Live',
    venue: 'Riverside Arena',
  });
  await eventWith(city, [4_800], { title: 'Morning Larks', venue: 'Riverside Arena' });

  const typo = await walk({ city, q: 'midnigth owls' });
  const prefix = await walk({ city, q: 'Midn' });
  const venueAndTitle = await walk({ city, q: 'riverside larks' });
  const unrelated = await walk({ city, q: 'symphony' });

  expect(typo.map((e) => e.id)).toEqual([owls.id]);
  expect(prefix.map((e) => e.id)).toEqual([owls.id]);
  expect(venueAndTitle.map((e) => e.title)).toEqual(['Morning Larks']);
  expect(unrelated).toEqual([]);
});

test('when filtering by city, then only that city’s events are listed, whatever its case', async () => {
  const city = town();
  const here = await eventWith(city, [1_000]);
  await eventWith(town(), [1_000]);

  expect((await walk({ city: city.toUpperCase() })).map((e) => e.id)).toEqual([here.id]);
});

test('when sorting by price, then events go cheapest first across pages and events with nothing on sale last', async () => {
  const city = town();
  const prices = [9_000, 1_500, 4_000, 1_500, 12_000, 2_500, 7_000];
  const made = [];
  for (const [i, p] of prices.entries())
    made.push(await eventWith(city, [p, p + 1_000], { title: `Show ${i}` }));
  const empty = await eventWith(city, []);

  const byPrice = await walk({ city, sort: 'price', limit: 3 });
  const byDate = await walk({ city, limit: 3 });

  expect(byPrice.map((e) => e.lowestPrice?.priceCents ?? null)).toEqual([
    1_500,
    1_500,
    2_500,
    4_000,
    7_000,
    9_000,
    12_000,
    null,
  ]);
  expect(byPrice.at(-1)!.id).toBe(empty.id);
  expect(byDate.map((e) => e.id)).toEqual([...made, empty].map((e) => e.id));
  expect(byDate.map((e) => e.startsAt)).toEqual(byDate.map((e) => e.startsAt).sort());
});

test('when from and to are given, then only events starting inside them are listed', async () => {
  const city = town();
  const soon = await eventWith(city, [1_000], { startsAt: inDays(3).toISOString() });
  await eventWith(city, [1_000], { startsAt: inDays(40).toISOString() });

  const seen = await walk({ city, from: inDays(2).toISOString(), to: inDays(10).toISOString() });

  expect(seen.map((e) => e.id)).toEqual([soon.id]);
});

test('when an event is opened, then its available listings come cheapest first with their seats', async () => {
  const seller = signIn();
  const event = await createEvent(service.app, seller);
  const places = [
    { priceCents: 9_000, section: 'Stalls', row: 'B', seat: '7' },
    { priceCents: 4_500, section: 'Balcony' },
    { priceCents: 6_000 },
  ];
  for (const place of places) await createListing(service.app, seller, place, event.id);
  const { ticket: gone } = await createListing(service.app, seller, { priceCents: 100 }, event.id);
  await request(service.app).delete(`/api/tickets/${gone.id}`).set(seller.headers);

  const res = await request(service.app).get(`/api/events/${event.id}`);

  expect(res.status).toBe(200);
  expect(res.body).toMatchObject({ id: event.id, timeZone: 'America/New_York', availableCount: 3 });
  expect(res.body.listings).toEqual([
    expect.objectContaining({ priceCents: 4_500, section: 'Balcony', row: null, seat: null }),
    expect.objectContaining({ priceCents: 6_000, section: null }),
    expect.objectContaining({ priceCents: 9_000, section: 'Stalls', row: 'B', seat: '7' }),
  ]);
});

test('when an event is unknown, then 404; when its id is not a uuid, then 400 on id', async () => {
  expect((await request(service.app).get(`/api/events/${randomUUID()}`)).status).toBe(404);
  const bad = await request(service.app).get('/api/events/42');
  expect(bad.status).toBe(400);
  expect(bad.body.errors[0].field).toBe('id');
});

test('when list parameters are invalid, then 400 names each of them', async () => {
  const res = await list({ limit: 0, sort: 'popularity', from: 'soon', cursor: 'garbage' });
  expect(res.status).toBe(400);
  expect(invalidFields(res)).toEqual(['cursor', 'from', 'limit', 'sort']);

  const city = town();
  for (let i = 0; i < 3; i++) await eventWith(city, [1_000 + i]);
  const first = await list({ city, limit: 1 });
  const otherSort = await list({ city, limit: 1, sort: 'price', cursor: first.body.nextCursor });
  expect(otherSort.status).toBe(400);
  expect(otherSort.body.errors[0].field).toBe('cursor');
});

test('when listings hold several tickets, then the event counts the tickets left, not the listings', async () => {
  const city = `Qty-${randomUUID().slice(0, 6)}`;
  const seller = signIn();
  const event = await createEvent(service.app, seller, { city });
  await createListing(service.app, seller, { priceCents: 4_000, quantity: 4 }, event.id);
  await createListing(service.app, seller, { priceCents: 5_000 }, event.id);

  const [listed] = await walk({ city });
  expect(listed).toMatchObject({ availableCount: 5, lowestPrice: { priceCents: 4_000 } });
  const opened = await request(service.app).get(`/api/events/${event.id}`).expect(200);
  expect(opened.body.availableCount).toBe(5);
  expect(opened.body.listings[0]).toMatchObject({ quantity: 4, available: 4, split: 'any' });
});
