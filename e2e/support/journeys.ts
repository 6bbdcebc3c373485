import { randomUUID } from 'node:crypto';
import { userEmailVerificationRequested } from '@ticketing/common';
import { waitFor } from '@ticketing/common/testing';
import type { ApiClient } from '../../platform/src/api-client';
import type { Platform } from './platform';

export interface Ticket {
  id: string;
  status: string;
  version: number;
  priceCents: number;
}
export interface Order {
  id: string;
  status: string;
  cancellationReason: string | null;
  refundedAt?: string | null;
  ticket: { id: string };
}
export interface Payment {
  id: string;
  orderId: string;
  amountCents: number;
  status: string;
}
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/**
 * A new user, signed up through the gateway, who confirmed their email address with the token auth
 * published for the mail (listing tickets asks for it): the client holds their renewed cookies.
 */
export async function newUser(platform: Platform, label: string): Promise<ApiClient & { userId: string }> {
  const client = platform.client();
  const email = `${label}-${randomUUID().slice(0, 8)}@e2e.test`;
  const res = await client.post<{ id: string }>('/api/users/signup', {
    email,
    password: 'e2e-password-123',
    name: label,
  });
  expect(res.status).toBe(201);
  const { token } = await waitFor(
    () => platform.recorder.of(userEmailVerificationRequested).find((e) => e.data.email === email)?.data,
  );
  expect((await client.post('/api/users/verify-email', { token })).status).toBe(204);
  expect((await client.post('/api/users/refresh')).status).toBe(204);
  return Object.assign(client, { userId: res.body.id });
}

/** Lists a ticket and waits until orders knows it (the seller's own order attempt is refused as such). */
export async function listTicket(
  seller: ApiClient,
  priceCents = 4200,
  listing: Record<string, unknown> = {},
): Promise<Ticket> {
  const event = await seller.post<{ id: string }>('/api/events', {
    title: `E2E concert ${randomUUID().slice(0, 6)}`,
    venue: 'Test Hall',
    city: 'Testville',
    startsAt: new Date(Date.now() + 30 * 24 * 3600_000).toISOString(),
    timeZone: 'UTC',
  });
  expect(event.status).toBe(201);
  const res = await seller.post<Ticket>('/api/tickets', { eventId: event.body.id, priceCents, ...listing });
  expect(res.status).toBe(201);
  // 404 until ticket.created reaches the orders replica; then 400 "your own ticket", and no order exists.
  await waitFor(async () => (await seller.post('/api/orders', { ticketId: res.body.id })).status === 400);
  return res.body;
}

/** Places an order (201 expected) for `quantity` of a listing (orders' default when left out). */
export async function placeOrder<T = Order>(
  buyer: ApiClient,
  ticketId: string,
  quantity?: number,
): Promise<T> {
  const res = await buyer.post<T>('/api/orders', { ticketId, quantity });
  expect(res.status).toBe(201);
  return res.body;
}

export const ticketOf = async (client: ApiClient, id: string) =>
  (await client.get<Ticket>(`/api/tickets/${id}`)).body;
export const orderOf = async (client: ApiClient, id: string) =>
  (await client.get<Order>(`/api/orders/${id}`)).body;
/** The client's own orders and payments (the first page: a journey's user has a few). */
export const ordersOf = async (client: ApiClient) =>
  (await client.get<Page<Order>>('/api/orders')).body.items;
export const paymentsOf = async (client: ApiClient) =>
  (await client.get<Page<Payment>>('/api/payments')).body.items;

/**
 * Pays once payments knows the order (its replica follows order.created). 201: orders accepted the charge;
 * 202: charged, orders has not answered yet (it is away) and will decide.
 */
export async function pay(
  buyer: ApiClient,
  orderId: string,
  accepted: Array<201 | 202> = [201],
): Promise<{ id: string; status: string }> {
  const res = await waitFor(async () => {
    const attempt = await buyer.post<{ id: string; status: string }>('/api/payments', {
      orderId,
      paymentMethodId: 'pm_card_visa',
    });
    if (attempt.status === 404) return undefined;
    return attempt;
  });
  expect(accepted).toContain(res.status);
  return res.body;
}

/** Reads `read` until what it returns has `status` (the events that change it arrive meanwhile). */
const untilStatus = <T extends { status: string }>(
  read: () => Promise<T>,
  status: string,
  timeoutMs: number,
) =>
  waitFor(
    async () => {
      const found = await read();
      return found.status === status ? found : undefined;
    },
    { timeoutMs, intervalMs: 100 },
  );

export const untilTicket = (client: ApiClient, id: string, status: string, timeoutMs = 15_000) =>
  untilStatus(() => ticketOf(client, id), status, timeoutMs);

export const untilOrder = (client: ApiClient, id: string, status: string, timeoutMs = 15_000) =>
  untilStatus(() => orderOf(client, id), status, timeoutMs);

/** Distinct events (by envelope id) whose data matches: redeliveries of one event count once. */
export function distinctEvents(
  platform: Platform,
  subject: string,
  match: (data: Record<string, unknown>) => boolean,
) {
  const ids = new Set<string>();
  for (const e of platform.recorder.events) {
    if (e.subject === subject && match(e.data as Record<string, unknown>)) ids.add(e.id);
  }
  return ids.size;
}
