import { outbox, ticketUpdated, type CurrentUser, type Db } from '@ticketing/common';
import { ticketsRepository } from '../data/tickets.repository';
import { assertChargeable, assertEditableBy, toTicketUpdated, type Ticket } from './ticket';
import { TicketNotFoundError } from './ticket-errors';
import type { ListingTerms } from './create-ticket';

/** A listing's own terms; its event (title, venue, start) is not edited through it. */
export type TicketEdit = Partial<ListingTerms>;

export function updateTicket(db: Db, id: string, edit: TicketEdit, user: CurrentUser): Promise<Ticket> {
  return db.transaction(async (tx) => {
    const ticket = await ticketsRepository.lockById(tx, id);
    if (!ticket) throw new TicketNotFoundError();
    assertEditableBy(ticket, user);
    assertChargeable(edit.priceCents ?? ticket.priceCents, edit.currency ?? ticket.currency);
    // New terms: an order placed against the old ones is rejected (their revision is what it carries).
    const saved = await ticketsRepository.save(tx, ticket, {
      ...edit,
      revision: ticket.revision + 1,
      orderId: null,
    });
    await outbox.add(tx, ticketUpdated, toTicketUpdated(saved));
    return saved;
  });
}
