import { randomUUID } from 'node:crypto';
import type { Express } from 'express';
import request from 'supertest';
import type { Db, OrderCreated } from '@ticketing/common';
import { signIn, type SignedIn } from '@ticketing/common/testing';
import { tickets } from '../src/data/schema';

const DAY = 86_400_000;

export const inDays = (days: number) => new Date(Date.now() + days * DAY);

export const listingInput = (overrides: Record<string, unknown> = {}) => ({
  title: 'Radiohead — In Rainbows tour',
  venue: 'Madison Square Garden',
  eventDate: inDays(30).toISOString(),
  priceCents: 12_500,
  ...overrides,
});

/** Lists a ticket through the API, as its seller would. */
export async function createListing(
  app: Express,
  seller: SignedIn = signIn(),
  overrides: Record<string, unknown> = {},
) {
  const res = await request(app).post('/api/tickets').set(seller.headers).send(listingInput(overrides));
  if (res.status !== 201) throw new Error(`listing failed: ${res.status} ${JSON.stringify(res.body)}`);
  return { seller, ticket: res.body as { id: string; version: number; status: string; sellerId: string } };
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
  title: string;
  venue: string;
  eventDate: Date;
  priceCents: number;
  currency?: string;
  sellerId: string;
  status?: 'available' | 'reserved' | 'sold' | 'withdrawn';
}

/** Bulk test data straight into the table: reads under test still go through HTTP. */
export async function seedTickets(db: Db, rows: SeedRow[]): Promise<{ id: string }[]> {
  const created: { id: string }[] = [];
  for (let i = 0; i < rows.length; i += 500) {
    const chunk = rows.slice(i, i + 500).map((r) => ({
      ...r,
      orderId: r.status === 'reserved' || r.status === 'sold' ? randomUUID() : null,
    }));
    created.push(...(await db.insert(tickets).values(chunk).returning({ id: tickets.id })));
  }
  return created;
}
