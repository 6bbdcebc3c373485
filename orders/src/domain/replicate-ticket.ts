import {
  nextVersionDecision,
  type Executor,
  type TicketCreated,
  type TicketUpdated,
} from '@ticketing/common';
import { orders } from '../data/orders.repository';
import { ticketReplica, type ReplicatedTicket } from '../data/tickets.repository';

// Events from before quantities describe a listing of one ticket.
const toRow = (ticket: TicketCreated, orderId: string | null): ReplicatedTicket => ({
  id: ticket.id,
  title: ticket.title,
  venue: ticket.venue,
  eventDate: new Date(ticket.eventDate),
  priceCents: ticket.priceCents,
  currency: ticket.currency,
  sellerId: ticket.sellerId,
  status: ticket.status,
  orderId,
  version: ticket.version,
  quantity: ticket.quantity ?? 1,
  split: ticket.split ?? 'any',
  available: ticket.available ?? (ticket.status === 'available' ? (ticket.quantity ?? 1) : 0),
  revision: ticket.revision ?? 0,
});

/** A new listing enters the replica; a repeated announcement leaves the existing row alone. */
export async function addTicketToReplica(tx: Executor, ticket: TicketCreated): Promise<void> {
  await ticketReplica.insertIfAbsent(tx, toRow(ticket, null));
}

/**
 * Applies a change only on top of its predecessor: an early one is retried later (RetryLaterError),
 * a stale or repeated one skipped. The row lock makes concurrent deliveries take turns. A version made
 * by an order's reservation confirms that reservation: from then on its payment may complete it. (The order
 * row is locked before the ticket row, as a cancellation does, so the two never deadlock; confirming is
 * idempotent, and an early version's transaction rolls back with it.)
 */
export async function updateTicketReplica(tx: Executor, ticket: TicketUpdated): Promise<void> {
  if (ticket.orderId) await orders.confirmReservation(tx, ticket.orderId);
  const stored = await ticketReplica.lockById(tx, ticket.id);
  if (nextVersionDecision(stored?.version, ticket.version, `ticket ${ticket.id}`) === 'stale') return;
  await ticketReplica.save(tx, toRow(ticket, ticket.orderId));
}
