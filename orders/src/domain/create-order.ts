import { randomUUID } from 'node:crypto';
import {
  cancellationDeadline,
  createEnvelope,
  MAXIMUM_CHARGE,
  orderCreated,
  priceBreakdown,
  splitRefusal,
  type Db,
  type FeeRates,
  type PriceBreakdown,
} from '@ticketing/common';
import { ordersRepository, type OrderWithTicket } from '../data/orders.repository';
import type { OrderRow, TicketReplicaRow } from '../data/schema';
import { ticketReplicaRepository } from '../data/ticket-replica.repository';
import {
  NotEnoughTicketsError,
  OwnTicketError,
  QuantityNotAllowedError,
  TicketNotAvailableError,
  TicketNotFoundError,
} from './errors';

export interface CreateOrder {
  ticketId: string;
  quantity: number;
  userId: string;
  ttlSeconds: number;
  feeRates: FeeRates;
}

/**
 * Reserves `quantity` tickets of a listing for a buyer until expiresAt, in two round trips: read the
 * replica (for the answers a buyer can act on and the event's data), then one statement that takes the
 * tickets and places the order and its outbox row together. The database decides the race: a buyer who
 * finds too few left once the statement holds the row is answered 409; nobody waits for another's payment.
 */
export async function createOrder(
  db: Db,
  { ticketId, quantity, userId, ttlSeconds, feeRates }: CreateOrder,
): Promise<OrderWithTicket> {
  const ticket = await ticketReplicaRepository.findById(db, ticketId);
  if (!ticket) throw new TicketNotFoundError();
  if (ticket.sellerId === userId) throw new OwnTicketError();
  const now = new Date();
  assertBuyable(ticket, now);
  const amounts = priceBreakdown(ticket.priceCents, feeRates, quantity);
  assertQuantity(ticket, quantity, amounts);

  const order: OrderRow = {
    id: randomUUID(),
    userId,
    ticketId: ticket.id,
    status: 'created',
    quantity,
    expiresAt: new Date(now.getTime() + ttlSeconds * 1000),
    priceCents: ticket.priceCents,
    currency: ticket.currency,
    cancellationReason: null,
    paymentId: null,
    cancellableUntil: cancellationDeadline(ticket.eventDate, ticket.cancellationHours),
    refundedAt: null,
    paidAt: null,
    ...orderAmounts(amounts),
    reservationConfirmedAt: null,
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
    quantity,
    // The listing's terms this order reserved against: tickets rejects it if the seller changed them since.
    ticket: {
      id: ticket.id,
      priceCents: order.priceCents,
      currency: order.currency,
      revision: ticket.revision,
      sellerId: ticket.sellerId,
      eventDate: ticket.eventDate.toISOString(),
    },
    serviceFeeCents: order.serviceFeeCents,
    sellerFeeCents: order.sellerFeeCents,
    totalCents: order.totalCents,
    cancellableUntil: order.cancellableUntil?.toISOString() ?? null,
  });
  if (!(await ordersRepository.reserve(db, order, ticket.revision, event)))
    throw new NotEnoughTicketsError('Another buyer took these tickets first');
  const { title, venue, eventDate, priceCents, currency } = ticket;
  return { order, ticket: { id: ticket.id, title, venue, eventDate, priceCents, currency } };
}

function assertBuyable(ticket: TicketReplicaRow, now: Date): void {
  if (ticket.status !== 'available') throw new TicketNotAvailableError(`The ticket is ${ticket.status}`);
  if (ticket.eventDate <= now) throw new TicketNotAvailableError('The event has already taken place');
}

/**
 * The columns of the breakdown an order keeps (the subtotal is price × quantity, the seller's proceeds
 * follow from subtotal − seller fee).
 */
const orderAmounts = ({ serviceFeeCents, sellerFeeCents, totalCents }: PriceBreakdown) => ({
  serviceFeeCents,
  sellerFeeCents,
  totalCents,
});

/** A quantity the listing never had, or a split its seller forbids, is the buyer's mistake (400); too few left is a conflict (409). */
function assertQuantity(ticket: TicketReplicaRow, quantity: number, { totalCents }: PriceBreakdown): void {
  if (quantity > ticket.quantity)
    throw new QuantityNotAllowedError(`This listing has ${ticket.quantity} ticket(s) in all`);
  // Each price is chargeable on its own; several together, with the service fee on them, must be too, or
  // the order could never be paid. (One ticket priced at the ceiling is refused at payment, as before.)
  if (quantity > 1 && totalCents > MAXIMUM_CHARGE)
    throw new QuantityNotAllowedError('Together these tickets cost more than one card payment may take');
  const left = Math.min(ticket.quantity - ticket.held, ticket.available);
  const refusal = splitRefusal(ticket.split, left, quantity);
  if (refusal === 'not_enough_left')
    throw new NotEnoughTicketsError(`Only ${left} ticket(s) of this listing are left`);
  if (refusal === 'split_not_allowed') {
    throw new QuantityNotAllowedError(
      ticket.split === 'all'
        ? `The seller sells the remaining ${left} ticket(s) only together`
        : 'The seller does not allow leaving a single ticket unsold',
    );
  }
}
