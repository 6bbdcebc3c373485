import type { Executor, PaymentRefunded } from '@ticketing/common';
import { eticketsRepository } from '../data/etickets.repository';
import { ordersRepository } from '../data/orders.repository';

/**
 * The money for a paid order went back: its e-tickets stop admitting anyone, in the transaction that
 * records the refund. Only a refund of the payment that completed the order counts; a duplicate or
 * mismatched charge refunded later leaves the buyer's tickets valid. The order records when its money
 * went back (a buyer-cancelled order shows "refunded" from then on).
 */
export async function applyPaymentRefunded(tx: Executor, refund: PaymentRefunded): Promise<void> {
  const order = await ordersRepository.lockById(tx, refund.orderId);
  if (!order || order.paymentId !== refund.id) return;
  // A buyer's cancellation voided them already; the refund is recorded for the order page.
  const now = new Date();
  if (order.status === 'complete')
    await eticketsRepository.voidOfOrder(tx, order.id, `refunded: ${refund.reason}`, now);
  await ordersRepository.markRefunded(tx, order.id, now);
}
