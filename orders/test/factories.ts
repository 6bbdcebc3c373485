import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import request from 'supertest';
import { ticketCreated, ticketUpdated, type TicketCreated } from '@ticketing/common';
import { signIn, startTestService, waitFor, type SignedIn } from '@ticketing/common/testing';
import { ordersService } from '../src/app';
import { loadServiceConfig } from '../src/config';
import { ticketReplica } from '../src/data/schema';

/** The test platform's e-ticket key (a real deployment gets its own secret). */
export const TEST_ETICKET_KEY = 'test_only_eticket_signing_key_0123456789';

export const startOrders = (overrides: Record<string, string> = {}) =>
  startTestService(ordersService, (env) => loadServiceConfig(env), {
    ETICKET_SIGNING_KEY: TEST_ETICKET_KEY,
    ...overrides,
  });

export type OrdersTestService = Awaited<ReturnType<typeof startOrders>>;

const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();

/** ticket.created data as tickets would publish it for a fresh listing. */
export const ticketData = (overrides: Partial<TicketCreated> = {}): TicketCreated => ({
  id: randomUUID(),
  version: 0,
  title: `Concert ${randomUUID().slice(0, 6)}`,
  venue: 'Main Hall',
  eventDate: inDays(30),
  priceCents: 4_500,
  currency: 'eur',
  sellerId: randomUUID(),
  status: 'available',
  ...overrides,
});

export async function replicaOf(service: OrdersTestService, ticketId: string) {
  const [row] = await service.database.db.select().from(ticketReplica).where(eq(ticketReplica.id, ticketId));
  return row;
}

/** Lists a ticket the way the system does (ticket.created on the bus) and waits for the replica to have it. */
export async function seedTicket(
  service: OrdersTestService,
  overrides: Partial<TicketCreated> = {},
): Promise<TicketCreated> {
  const ticket = ticketData(overrides);
  await service.bus.publish(ticketCreated, ticket);
  await waitFor(() => replicaOf(service, ticket.id));
  return ticket;
}

/** POST /api/orders as the buyer: whatever the body, valid or not. */
export const postOrder = (service: OrdersTestService, buyer: SignedIn, body: unknown) =>
  request(service.app)
    .post('/api/orders')
    .set(buyer.headers)
    .send(body as object);

export interface PlacedOrder {
  id: string;
  buyer: SignedIn;
  ticket: TicketCreated;
}

/** What order.cancelled and order.completed say of a placed order of one ticket, at `version`. */
export const orderEventOf = ({ id, buyer, ticket }: PlacedOrder, version: number) => ({
  id,
  version,
  userId: buyer.user.id,
  ticket: { id: ticket.id },
  quantity: 1,
});

/**
 * A buyer orders all tickets of a freshly listed listing through the API: one unless `listing.quantity`
 * says more.
 */
export async function placeOrder(
  service: OrdersTestService,
  buyer = signIn(),
  listing: Partial<TicketCreated> = {},
): Promise<PlacedOrder> {
  const quantity = listing.quantity ?? 1;
  const ticket = await seedTicket(service, { available: quantity, ...listing, quantity });
  const res = await postOrder(service, buyer, { ticketId: ticket.id, quantity });
  if (res.status !== 201)
    throw new Error(`placing an order failed: ${res.status} ${JSON.stringify(res.body)}`);
  return { id: (res.body as { id: string }).id, buyer, ticket };
}

/** Tickets confirms the order's reservation, as it does on order.created: ticket.updated, reserved for it. */
export async function confirmReservation(service: OrdersTestService, order: PlacedOrder): Promise<void> {
  await service.bus.publish(ticketUpdated, {
    ...order.ticket,
    version: 1,
    status: 'reserved',
    orderId: order.id,
  });
  await waitFor(async () => (await replicaOf(service, order.ticket.id))?.orderId === order.id);
}
