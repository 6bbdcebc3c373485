import type { Executor } from '@ticketing/common';
import { mailsRepository } from '../data/mails.repository';
import { ticketOrWait, userOrWait } from './recipients';
import type { RenderedMail, TicketFacts } from './templates/layout';

/** Queues a mail about listing `ticketId` to its seller (both waited for like any recipient), once per key. */
export async function mailSeller(
  tx: Executor,
  ticketId: string,
  mail: { kind: string; key: string },
  render: (sellerName: string, ticket: TicketFacts) => RenderedMail,
): Promise<void> {
  const ticket = await ticketOrWait(tx, ticketId);
  const seller = await userOrWait(tx, ticket.sellerId);
  await mailsRepository.queue(tx, { ...mail, recipient: seller.email, ...render(seller.name, ticket) });
}
