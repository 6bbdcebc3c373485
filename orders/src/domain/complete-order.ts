import {
  orderCompleted,
  outbox,
  RetryLaterError,
  type Executor,
  type PaymentCreated,
} from '@ticketing/common';
import { ordersRepository } from '../data/orders.repository';
import { recordCancellation } from './cancel-order';
import type { EticketSigner } from './eticket-code';
import { issueEtickets } from './issue-etickets';
import { completed, toOrderEvent } from './order';

/**
 * The one place where a payment, the expiry and the buyer's cancel meet: under the order's row lock,
 * whichever reached orders first decides, and the others change nothing.
 * - An order that is no longer open is not completed: payments refunds the charge on order.cancelled.
 * - A charge taken after the reservation window is refused even if the expiry has not arrived yet: the
 *   order is cancelled as expired here and then, so the money goes back.
 * - A paid order completes only once tickets confirmed its reservation (a ticket.updated made by it reached
 *   the replica): until then tickets may still reject it, and the listing's state wins.
 * Completion issues the order's e-tickets in the same transaction.
 */
export async function completeOrder(
  tx: Executor,
  payment: PaymentCreated,
  signer: EticketSigner,
): Promise<void> {
  const order = await ordersRepository.lockById(tx, payment.orderId);
  if (!order) throw new Error(`order ${payment.orderId} is unknown`);
  if (order.status !== 'created') return;
  if (payment.paidAt && new Date(payment.paidAt) > order.expiresAt) {
    await recordCancellation(tx, order, 'expired');
    return;
  }
  if (!order.reservationConfirmedAt) {
    throw new RetryLaterError(`order ${order.id} is paid but tickets has not confirmed its reservation yet`);
  }
  const now = new Date();
  const saved = await ordersRepository.save(tx, completed(order, payment.id, now));
  await outbox.add(tx, orderCompleted, toOrderEvent(saved));
  await issueEtickets(tx, saved, signer, now);
}
