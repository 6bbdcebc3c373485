import {
  latestInVersionOrder,
  type Executor,
  type TicketCreated,
  type TicketUpdated,
} from '@ticketing/common';
import type { TicketRow } from '../data/schema';
import { ticketReplica } from '../data/tickets.repository';

/** The replica row of a ticket event: the one place a replicated field is mapped. */
const toRow = (ticket: TicketCreated, orderId: string | null): TicketRow => ({
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
});

/** New listings enter the replica; a repeated announcement leaves the existing row alone. */
export async function addTicketsToReplica(tx: Executor, tickets: TicketCreated[]): Promise<void> {
  await ticketReplica.insertIfAbsent(
    tx,
    tickets.map((ticket) => toRow(ticket, null)),
  );
}

/**
 * Applies each change only on top of its predecessor: an early one is retried later (RetryLaterError),
 * a stale or repeated one skipped; of several changes to one ticket the last applicable is written. The
 * row locks make concurrent deliveries take turns.
 */
export async function updateTicketsInReplica(tx: Executor, tickets: TicketUpdated[]): Promise<void> {
  const stored = await ticketReplica.lockVersions(
    tx,
    tickets.map((ticket) => ticket.id),
  );
  const latest = latestInVersionOrder(tickets, stored, 'ticket');
  await ticketReplica.save(
    tx,
    latest.map((ticket) => toRow(ticket, ticket.orderId)),
  );
}
