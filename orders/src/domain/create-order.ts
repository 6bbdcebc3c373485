import { randomUUID } from 'node:crypto';
import { isUniqueViolation, orderCreated, outbox, type Db } from '@ticketing/common';
import { orders, type OrderWithTicket } from '../data/orders.repository';
import { ONE_ACTIVE_ORDER_PER_TICKET, type TicketRow } from '../data/schema';
import { ticketReplica } from '../data/tickets.repository';
import { OwnTicketError, TicketNotAvailableError, TicketNotFoundError } from './errors';

export interface CreateOrder {
  ticketId: string;
  userId: string;
  ttlSeconds: number;
}

/**
 * Reserves a ticket for a buyer until expiresAt. Buyers of one ticket queue on its replica row lock, and
 * the unique index on open or paid orders per ticket is the guarantee should anything slip past the checks.
 */
export async function createOrder(
  db: Db,
  { ticketId, userId, ttlSeconds }: CreateOrder,
): Promise<OrderWithTicket> {
  try {
    return await db.transaction(async (tx) => {
      const ticket = await ticketReplica.lockById(tx, ticketId);
      if (!ticket) throw new TicketNotFoundError();
      if (ticket.sellerId === userId) throw new OwnTicketError();
      const now = new Date();
      assertBuyable(ticket, now);
      if (await orders.findHolding(tx, ticket.id))
        throw new TicketNotAvailableError('The ticket is reserved');

      const order = await orders.insert(tx, {
        id: randomUUID(),
        userId,
        ticketId: ticket.id,
        status: 'created',
        expiresAt: new Date(now.getTime() + ttlSeconds * 1000),
        priceCents: ticket.priceCents,
        currency: ticket.currency,
        cancellationReason: null,
        version: 0,
        // Set here rather than by the database: millisecond precision keeps page cursors exact.
        createdAt: now,
        updatedAt: now,
      });
      await outbox.add(tx, orderCreated, {
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
        },
      });
      const { title, venue, eventDate, priceCents, currency } = ticket;
      return { order, ticket: { id: ticket.id, title, venue, eventDate, priceCents, currency } };
    });
  } catch (err) {
    if (isUniqueViolation(err, ONE_ACTIVE_ORDER_PER_TICKET)) {
      throw new TicketNotAvailableError('The ticket is reserved');
    }
    throw err;
  }
}

function assertBuyable(ticket: TicketRow, now: Date): void {
  if (ticket.status !== 'available') throw new TicketNotAvailableError(`The ticket is ${ticket.status}`);
  if (ticket.eventDate <= now) throw new TicketNotAvailableError('The event has already taken place');
}
