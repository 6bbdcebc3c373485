import {
  DEFAULT_CANCELLATION_HOURS,
  nextVersionDecision,
  type Executor,
  type TicketCreated,
  type TicketUpdated,
} from '@ticketing/common';
import type { TicketRow } from '../data/schema';
import { ticketReplica } from '../data/tickets.repository';

const toRow = (ticket: TicketCreated, orderId: string | null): TicketRow => ({
  id: ticket.id,
  title: ticket.title,
  venue: ticket.venue,
  eventDate: new Date(ticket.eventDate),
  priceCents: ticket.priceCents,
  currency: ticket.currency,
  sellerId: ticket.sellerId,
  cancellationHours: ticket.cancellationHours ?? DEFAULT_CANCELLATION_HOURS,
  status: ticket.status,
  orderId,
  version: ticket.version,
});

/** A new listing enters the replica; a repeated announcement leaves the existing row alone. */
export async function addTicketToReplica(tx: Executor, ticket: TicketCreated): Promise<void> {
  await ticketReplica.insertIfAbsent(tx, toRow(ticket, null));
}

/**
 * Applies a change only on top of its predecessor: an early one is retried later (RetryLaterError),
 * a stale or repeated one skipped. The row lock makes concurrent deliveries take turns.
 */
export async function updateTicketReplica(tx: Executor, ticket: TicketUpdated): Promise<void> {
  const stored = await ticketReplica.lockById(tx, ticket.id);
  if (nextVersionDecision(stored?.version, ticket.version, `ticket ${ticket.id}`) === 'stale') return;
  await ticketReplica.save(tx, toRow(ticket, ticket.orderId));
}
