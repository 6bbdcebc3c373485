import type { Executor, OrderCancelled } from '@ticketing/common';
import { mailsRepository } from '../data/mails.repository';
import type { MailDeps } from './links';
import { ticketOrWait, userOrWait } from './recipients';
import { ticketsBackOnSale } from './templates/tickets-back-on-sale';

/** The seller hears that a buyer cancelled a paid order (`buyer_cancelled`) and its tickets are on sale again. */
export async function announceTicketsBackOnSale(
  tx: Executor,
  deps: MailDeps,
  order: OrderCancelled,
): Promise<void> {
  const ticket = await ticketOrWait(tx, order.ticket.id);
  const seller = await userOrWait(tx, ticket.sellerId);
  await mailsRepository.queue(tx, {
    key: `buyer-cancelled:${order.id}`,
    kind: 'buyer-cancelled',
    recipient: seller.email,
    ...ticketsBackOnSale({
      name: seller.name,
      ticket,
      quantity: order.quantity ?? 1,
      listingsUrl: deps.links.listings,
    }),
  });
}
