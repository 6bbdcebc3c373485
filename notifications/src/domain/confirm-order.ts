import type { Executor, OrderEticketsIssued } from '@ticketing/common';
import { mailsRepository } from '../data/mails.repository';
import type { MailDeps } from './links';
import { qrAttachment } from './qr-codes';
import { ticketOrWait, userOrWait } from './recipients';
import { orderConfirmation } from './templates/order-confirmation';

/** The buyer's confirmation, with their e-tickets, once orders issued them. */
export async function confirmOrder(tx: Executor, deps: MailDeps, issued: OrderEticketsIssued): Promise<void> {
  const buyer = await userOrWait(tx, issued.userId);
  const ticket = await ticketOrWait(tx, issued.ticket.id);
  const attachments = await Promise.all(issued.etickets.map((e, i) => qrAttachment(e.code, i)));
  const mail = orderConfirmation({
    name: buyer.name,
    ticket,
    etickets: issued.etickets.map((e, i) => ({ code: e.code, seat: e.seat, cid: attachments[i]!.cid })),
    ticketsUrl: deps.links.myTickets,
  });
  await mailsRepository.queue(tx, {
    key: `order-confirmation:${issued.orderId}`,
    kind: 'order-confirmation',
    recipient: buyer.email,
    ...mail,
    attachments,
  });
}
