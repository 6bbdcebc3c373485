import type { Executor, OrderCompleted } from '@ticketing/common';
import { mailsRepository } from '../data/mails.repository';
import type { MailDeps } from './links';
import { ticketOrWait, userOrWait } from './recipients';
import { ticketSold } from './templates/ticket-sold';

/** The seller hears that their listing was paid for. */
export async function announceTicketSold(tx: Executor, deps: MailDeps, order: OrderCompleted): Promise<void> {
  const ticket = await ticketOrWait(tx, order.ticket.id);
  const seller = await userOrWait(tx, ticket.sellerId);
  await mailsRepository.queue(tx, {
    key: `ticket-sold:${order.id}`,
    kind: 'ticket-sold',
    recipient: seller.email,
    ...ticketSold({ name: seller.name, ticket, listingsUrl: deps.links.listings }),
  });
}
