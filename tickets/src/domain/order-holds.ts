import { outbox, ticketUpdated, type Executor } from '@ticketing/common';
import { ticketsRepository, type TicketChanges } from '../data/tickets.repository';
import { statusOf, toTicketUpdated, type Ticket } from './ticket';

/** What an order event did to its ticket; a skip carries the reason, for the log. */
export type HoldOutcome = { applied: true; ticket: Ticket } | { applied: false; reason: string };

export const skipped = (reason: string): HoldOutcome => ({ applied: false, reason });

/** What an order's event moves: tickets into or out of `reserved`, into `sold`. */
export type HoldChange = Required<Pick<TicketChanges, 'reserved' | 'sold'>>;

/**
 * Saves the new counts (and the status they give) as a new version naming the order that made it, and
 * publishes it, inside the handler's transaction. The table's CHECK refuses more taken than listed.
 */
export async function applyHoldChange(
  tx: Executor,
  ticket: Ticket,
  orderId: string,
  counts: HoldChange,
): Promise<HoldOutcome> {
  const status = statusOf({ ...ticket, ...counts });
  const saved = await ticketsRepository.save(tx, ticket, { ...counts, status, orderId });
  await outbox.add(tx, ticketUpdated, toTicketUpdated(saved));
  return { applied: true, ticket: saved };
}
