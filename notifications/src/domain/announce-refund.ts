import { RetryLaterError, type Executor, type PaymentRefunded } from '@ticketing/common';
import { mailsRepository } from '../data/mails.repository';
import { orderReplicaRepository } from '../data/order-replica.repository';
import { ticketReplicaRepository } from '../data/ticket-replica.repository';
import type { MailDeps } from './links';
import { userOrWait } from './recipients';
import { refundNotice } from './templates/refund';

/** The buyer hears that their payment was refunded (the order it paid for was cancelled or rejected, or the buyer cancelled it). */
export async function announceRefund(tx: Executor, deps: MailDeps, refund: PaymentRefunded): Promise<void> {
  const order = await orderReplicaRepository.find(tx, refund.orderId);
  if (!order) throw new RetryLaterError(`order ${refund.orderId} not replicated yet`);
  const buyer = await userOrWait(tx, order.userId);
  const ticket = await ticketReplicaRepository.find(tx, order.ticketId);
  await mailsRepository.queue(tx, {
    key: `refund:${refund.id}`,
    kind: 'refund',
    recipient: buyer.email,
    ...refundNotice({
      name: buyer.name,
      title: ticket?.title ?? null,
      amountCents: refund.amountCents,
      currency: refund.currency,
      reason: refund.reason,
      ordersUrl: deps.links.order(order.id),
    }),
  });
}
