import {
  DEFAULT_CANCELLATION_HOURS,
  DEFAULT_EVENT_TIME_ZONE,
  latestInVersionOrder,
  type Executor,
  type TicketCreated,
  type TicketUpdated,
} from '@ticketing/common';
import { ordersRepository } from '../data/orders.repository';
import { ticketReplicaRepository, type ReplicatedTicket } from '../data/ticket-replica.repository';

/**
 * The replica row of a ticket event: the one place a replicated field is mapped. Events from before
 * quantities describe a listing of one ticket; those from before time zones, an event told in UTC.
 */
const toRow = (ticket: TicketCreated, orderId: string | null): ReplicatedTicket => ({
  id: ticket.id,
  title: ticket.title,
  venue: ticket.venue,
  eventDate: new Date(ticket.eventDate),
  timeZone: ticket.timeZone ?? DEFAULT_EVENT_TIME_ZONE,
  priceCents: ticket.priceCents,
  currency: ticket.currency,
  sellerId: ticket.sellerId,
  cancellationHours: ticket.cancellationHours ?? DEFAULT_CANCELLATION_HOURS,
  status: ticket.status,
  orderId,
  version: ticket.version,
  quantity: ticket.quantity ?? 1,
  split: ticket.split ?? 'any',
  available: ticket.available ?? (ticket.status === 'available' ? (ticket.quantity ?? 1) : 0),
  revision: ticket.revision ?? 0,
});

/** New listings enter the replica; a repeated announcement leaves the existing row alone. */
export async function applyTicketsCreated(tx: Executor, tickets: TicketCreated[]): Promise<void> {
  await ticketReplicaRepository.insertIfAbsent(
    tx,
    tickets.map((ticket) => toRow(ticket, null)),
  );
}

/**
 * Applies each change only on top of its predecessor: an early one is retried later (RetryLaterError),
 * a stale or repeated one skipped; of several changes to one ticket the last applicable is written. The
 * row locks make concurrent deliveries take turns. A version made by an order's reservation confirms that
 * reservation: from then on its payment may complete it. (Order rows are locked before ticket rows, as a
 * cancellation does, each kind in id order, so they never deadlock; confirming is idempotent, and an early
 * version's transaction rolls back with it.)
 */
export async function applyTicketsUpdated(tx: Executor, tickets: TicketUpdated[]): Promise<void> {
  const confirmed = [
    ...new Set(tickets.flatMap((ticket) => (ticket.orderId ? [ticket.orderId] : []))),
  ].sort();
  for (const orderId of confirmed) await ordersRepository.confirmReservation(tx, orderId);
  const stored = await ticketReplicaRepository.lockVersions(
    tx,
    tickets.map((ticket) => ticket.id),
  );
  const latest = latestInVersionOrder(tickets, stored, 'ticket');
  await ticketReplicaRepository.save(
    tx,
    latest.map((ticket) => toRow(ticket, ticket.orderId)),
  );
}
