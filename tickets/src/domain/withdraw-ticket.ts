import { outbox, ticketUpdated, type CurrentUser, type Db } from '@ticketing/common';
import { ticketsRepository } from '../data/tickets.repository';
import { assertWithdrawableBy, toTicketUpdated } from './ticket';
import { TicketNotFoundError } from './ticket-errors';

/**
 * Takes a listing off sale for good. Withdrawing twice is a no-op: no new version, no event. An admin's
 * withdrawal may give a moderation reason, which the seller sees on the listing.
 */
export function withdrawTicket(
  db: Db,
  id: string,
  user: CurrentUser,
  moderationReason?: string,
): Promise<void> {
  return db.transaction(async (tx) => {
    const ticket = await ticketsRepository.lockById(tx, id);
    if (!ticket) throw new TicketNotFoundError();
    assertWithdrawableBy(ticket, user);
    if (ticket.status === 'withdrawn') return;
    const saved = await ticketsRepository.save(tx, ticket, {
      status: 'withdrawn',
      orderId: null,
      ...(moderationReason ? { moderationReason } : {}),
    });
    await outbox.add(tx, ticketUpdated, toTicketUpdated(saved));
  });
}
