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
    const saved = await ticketsRepository.save(tx, ticket, edit);
    await outbox.add(tx, ticketUpdated, toTicketUpdated(saved));
    return saved;
  });
}
