import { outbox, ticketUpdated, type Executor } from '@ticketing/common';
import { ticketsRepository, type TicketChanges } from '../data/tickets.repository';
import { toTicketUpdated, type Ticket } from './ticket';

/** What an order event did to its ticket; a skip carries the reason, for the log. */
export type HoldOutcome = { applied: true; ticket: Ticket } | { applied: false; reason: string };

export const skipped = (reason: string): HoldOutcome => ({ applied: false, reason });

/** Saves the change as a new version and publishes it, inside the handler's transaction. */
export async function applyHoldChange(
  tx: Executor,
  ticket: Ticket,
  changes: TicketChanges,
): Promise<HoldOutcome> {
  const saved = await ticketsRepository.save(tx, ticket, changes);
  await outbox.add(tx, ticketUpdated, toTicketUpdated(saved));
  return { applied: true, ticket: saved };
}
