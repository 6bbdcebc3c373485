import type { Executor, OrderCompleted } from '@ticketing/common';
import type { MailDeps } from './links';
import { mailSeller } from './mail-seller';
import { ticketSold } from './templates/ticket-sold';

/** The seller hears that their listing was paid for. */
export const announceTicketSold = (tx: Executor, deps: MailDeps, order: OrderCompleted) =>
  mailSeller(tx, order.ticket.id, { kind: 'ticket-sold', key: `ticket-sold:${order.id}` }, (name, ticket) =>
    ticketSold({ name, ticket, listingsUrl: deps.links.listings }),
  );
