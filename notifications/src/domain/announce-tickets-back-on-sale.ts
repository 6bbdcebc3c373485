import type { Executor, OrderCancelled } from '@ticketing/common';
import type { MailDeps } from './links';
import { mailSeller } from './mail-seller';
import { ticketsBackOnSale } from './templates/tickets-back-on-sale';

/** The seller hears that a buyer cancelled a paid order (`buyer_cancelled`) and its tickets are on sale again. */
export const announceTicketsBackOnSale = (tx: Executor, deps: MailDeps, order: OrderCancelled) =>
  mailSeller(
    tx,
    order.ticket.id,
    { kind: 'buyer-cancelled', key: `buyer-cancelled:${order.id}` },
    (name, ticket) =>
      ticketsBackOnSale({ name, ticket, quantity: order.quantity ?? 1, listingsUrl: deps.links.listings }),
  );
