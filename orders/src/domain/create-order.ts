import { randomUUID } from 'node:crypto';
import {
  cancellationDeadline,
  createEnvelope,
  orderCreated,
  priceBreakdown,
  type Db,
  type FeeRates,
  type PriceBreakdown,
} from '@ticketing/common';
import { orders, type OrderWithTicket } from '../data/orders.repository';
import type { OrderRow, TicketRow } from '../data/schema';
import { ticketReplica } from '../data/tickets.repository';
import { OwnTicketError, TicketNotAvailableError, TicketNotFoundError } from './errors';

export interface CreateOrder {
  ticketId: string;
  userId: string;
  ttlSeconds: number;
  feeRates: FeeRates;
}

/**
 * Reserves a ticket for a buyer until expiresAt, in two round trips: read the replica (for the answers a
 * buyer can act on and the event's data), then one statement that places the order and its outbox row
 * together. The database decides the race: a buyer who finds the row locked by another reservation, or an
 * open or paid order in the unique index, is answered 409 at once without waiting for the other one.
 */
export async function createOrder(
  db: Db,
  { ticketId, userId, ttlSeconds, feeRates }: CreateOrder,
): Promise<OrderWithTicket> {
  const ticket = await ticketReplica.findById(db, ticketId);
  if (!ticket) throw new TicketNotFoundError();
  if (ticket.sellerId === userId) throw new OwnTicketError();
  const now = new Date();
  assertBuyable(ticket, now);

  const order: OrderRow = {
    id: randomUUID(),
    userId,
    ticketId: ticket.id,
    status: 'created',
    expiresAt: new Date(now.getTime() + ttlSeconds * 1000),
    priceCents: ticket.priceCents,
    currency: ticket.currency,
    cancellationReason: null,
    paymentId: null,
    cancellableUntil: cancellationDeadline(ticket.eventDate, ticket.cancellationHours),
    refundedAt: null,
    paidAt: null,
    ...orderAmounts(priceBreakdown(ticket.priceCents, feeRates)),
    version: 0,
    // Set here rather than by the database: millisecond precision keeps page cursors exact.
    createdAt: now,
    updatedAt: now,
  };
  const event = createEnvelope(orderCreated, {
    id: order.id,
    version: order.version,
    status: order.status,
    userId: order.userId,
    expiresAt: order.expiresAt.toISOString(),
    // The listing's version this order reserved against: tickets rejects it if the listing changed since.
    ticket: {
      id: ticket.id,
      priceCents: order.priceCents,
      currency: order.currency,
      version: ticket.version,
      sellerId: ticket.sellerId,
      eventDate: ticket.eventDate.toISOString(),
    },
    serviceFeeCents: order.serviceFeeCents,
    sellerFeeCents: order.sellerFeeCents,
    totalCents: order.totalCents,
    cancellableUntil: order.cancellableUntil?.toISOString() ?? null,
  });
  if (!(await orders.reserve(db, order, ticket.version, event)))
    throw new TicketNotAvailableError('The ticket is reserved');
  const { title, venue, eventDate, priceCents, currency } = ticket;
  return { order, ticket: { id: ticket.id, title, venue, eventDate, priceCents, currency } };
}

function assertBuyable(ticket: TicketRow, now: Date): void {
  if (ticket.status !== 'available') throw new TicketNotAvailableError(`The ticket is ${ticket.status}`);
  if (ticket.eventDate <= now) throw new TicketNotAvailableError('The event has already taken place');
}

/** The columns of the breakdown an order keeps (the seller's proceeds follow from price − seller fee). */
const orderAmounts = ({ serviceFeeCents, sellerFeeCents, totalCents }: PriceBreakdown) => ({
  serviceFeeCents,
  sellerFeeCents,
  totalCents,
});
