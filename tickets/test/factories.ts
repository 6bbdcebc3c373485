import { randomUUID } from 'node:crypto';
import type { Express } from 'express';
import request, { type Response, type Test } from 'supertest';
import type { Db, OrderCreated } from '@ticketing/common';
import { signIn, startTestService, type SignedIn, type TestService } from '@ticketing/common/testing';
import { sql } from 'drizzle-orm';
import { ticketsService } from '../src/app';
import { loadServiceConfig, type Config } from '../src/config';
import { tickets } from '../src/data/schema';

export type TicketsTestService = TestService<Config>;

/** Tickets on its own database and stream, as main.ts starts it. */
export const startTickets = (overrides: Record<string, string> = {}): Promise<TicketsTestService> =>
  startTestService(ticketsService, (env) => loadServiceConfig(env), overrides);

const DAY = 86_400_000;

export const inDays = (days: number) => new Date(Date.now() + days * DAY);

let eventsMade = 0;

/** A new event each call: starts differ by a minute, so the same title and venue never collide. */
export const eventInput = (overrides: Record<string, unknown> = {}) => ({
  title: 'Radiohead — In Rainbows tour',
  venue: 'Madison Square Garden',
  city: 'New York',
  startsAt: new Date(inDays(30).getTime() + ++eventsMade * 60_000).toISOString(),
  timeZone: 'America/New_York',
  ...overrides,
});

export type EventBody = { id: string; title: string; venue: string; startsAt: string; timeZone: string };

/** Creates an event through the API, as a seller would. */
export async function createEvent(app: Express, seller: SignedIn = signIn(), overrides = {}) {
  const res = await request(app).post('/api/events').set(seller.headers).send(eventInput(overrides));
  if (res.status !== 201) throw new Error(`event failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as EventBody;
}

export const listingInput = (eventId: string, overrides: Record<string, unknown> = {}) => ({
  eventId,
  priceCents: 12_500,
  ...overrides,
});

/** Lists a ticket through the API, in a new event unless one is given, as its seller would. */
export async function createListing(
  app: Express,
  seller: SignedIn = signIn(),
  overrides: Record<string, unknown> = {},
  eventId?: string,
) {
  const event = eventId ?? (await createEvent(app, seller)).id;
  const res = await request(app)
    .post('/api/tickets')
    .set(seller.headers)
    .send(listingInput(event, overrides));
  if (res.status !== 201) throw new Error(`listing failed: ${res.status} ${JSON.stringify(res.body)}`);
  return {
    seller,
    ticket: res.body as { id: string; eventId: string; version: number; status: string; sellerId: string },
  };
}

export const orderFor = (ticketId: string, overrides: Partial<OrderCreated> = {}): OrderCreated => ({
  id: randomUUID(),
  version: 0,
  status: 'created',
  userId: randomUUID(),
  expiresAt: new Date(Date.now() + 15 * 60_000).toISOString(),
  ticket: { id: ticketId, priceCents: 12_500, currency: 'usd' },
  ...overrides,
});

export interface SeedRow {
  /** The event's; rows with the same title, venue and date share one event. */
  title: string;
  venue: string;
  eventDate: Date;
  priceCents: number;
  currency?: string;
  sellerId: string;
  status?: 'available' | 'reserved' | 'sold' | 'withdrawn';
}

const eventKey = (title: string, venue: string, at: Date) =>
  `${title.toLowerCase()}|${venue.toLowerCase()}|${at.toISOString()}`;

/** The events of seed rows (city 'Testville', UTC), made where missing; their ids by title, venue, date. */
async function seedEvents(db: Db, rows: SeedRow[]): Promise<Map<string, string>> {
  // One parameter each (sql.param): a bare array would be spread into a list.
  const input = sql`unnest(${sql.param(rows.map((r) => r.title))}::text[], ${sql.param(
    rows.map((r) => r.venue),
  )}::text[], ${sql.param(rows.map((r) => r.eventDate.toISOString()))}::timestamptz[]) as i(t, v, s)`;
  await db.execute(sql`insert into events (title, venue, city, starts_at, time_zone)
    select distinct on (lower(t), lower(v), s) t, v, 'Testville', s, 'UTC' from ${input}
    on conflict do nothing`);
  const found = await db.execute<{ id: string; title: string; venue: string; starts_at: string }>(
    sql`select e.id, e.title, e.venue, e.starts_at from events e join ${input}
      on lower(e.title) = lower(i.t) and lower(e.venue) = lower(i.v) and e.starts_at = i.s`,
  );
  return new Map(found.rows.map((e) => [eventKey(e.title, e.venue, new Date(e.starts_at)), e.id]));
}

/** Bulk test data straight into the tables: reads under test still go through HTTP. */
export async function seedTickets(db: Db, rows: SeedRow[]): Promise<{ id: string }[]> {
  const created: { id: string }[] = [];
  for (let i = 0; i < rows.length; i += 500) {
    const slice = rows.slice(i, i + 500);
    const eventIds = await seedEvents(db, slice);
    const chunk = slice.map((r) => ({
      ...r,
      eventId: eventIds.get(eventKey(r.title, r.venue, r.eventDate))!,
      orderId: r.status === 'reserved' || r.status === 'sold' ? randomUUID() : null,
    }));
    created.push(...(await db.insert(tickets).values(chunk).returning({ id: tickets.id })));
  }
  return created;
}

export const LISTING_STATUSES = ['available', 'reserved', 'sold', 'withdrawn'] as const;

/** `count` listings of one seller, taking every status in turn, every other one for an event already past. */
export const seedEveryStatus = (db: Db, sellerId: string, count: number) =>
  seedTickets(
    db,
    Array.from({ length: count }, (_, i) => ({
      title: `Listing ${i}`,
      venue: 'Hall',
      eventDate: inDays(i % 2 === 0 ? 4 : -4),
      priceCents: 700,
      sellerId,
      status: LISTING_STATUSES[i % LISTING_STATUSES.length],
    })),
  );

/**
 * Every item of a cursor-paginated list: asks for the first page (`page({})`), then for each next one
 * (`page({ cursor })`) until nextCursor is null, expecting 200 each time; `between` runs after every page
 * (to change data mid-walk).
 */
export async function walkPages<T>(
  page: (cursor: { cursor?: string }) => Test,
  between?: () => Promise<unknown>,
): Promise<T[]> {
  const seen: T[] = [];
  let cursor: string | null = null;
  do {
    const res: Response = await page(cursor ? { cursor } : {});
    expect(res.status).toBe(200);
    seen.push(...(res.body.items as T[]));
    cursor = res.body.nextCursor;
    await between?.();
  } while (cursor);
  return seen;
}

export type ListQuery = Record<string, string | number>;

/** Walks the list that `list` asks a page of: every item a query finds, across pages (see walkPages). */
export const pagesOf =
  <T>(list: (query: ListQuery) => Test) =>
  (query: ListQuery, between?: () => Promise<unknown>): Promise<T[]> =>
    walkPages<T>((page) => list({ ...query, ...page }), between);
