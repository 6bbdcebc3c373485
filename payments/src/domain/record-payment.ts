import { randomUUID } from 'node:crypto';
import { outbox, paymentCreated, type Executor } from '@ticketing/common';
import { orderReplicaRepository } from '../data/order-replica.repository';
import { paymentsRepository, type PaymentRow } from '../data/payments.repository';
import { OrderNotReplicatedError } from './errors';
import { settle, type SucceededCharge } from './payment';

/**
 * Records a succeeded charge once, whoever reports it first (the API answer or the webhook): the order
 * row lock serializes both, the unique provider id makes the second a no-op. Only a charge that pays
 * the order publishes payment.created; any other is queued for refund in the same transaction.
 */
export async function recordSucceededPayment(tx: Executor, charge: SucceededCharge): Promise<PaymentRow> {
  const order = await orderReplicaRepository.lock(tx, charge.orderId);
  if (!order) throw new OrderNotReplicatedError(charge.orderId);
  const known = await paymentsRepository.findByProviderId(tx, charge.providerPaymentId);
  // The webhook may have recorded it first, without the card the API answer tells.
  if (known)
    return charge.card && !known.cardBrand ? paymentsRepository.setCard(tx, known.id, charge.card) : known;

  const settlement = settle(order, charge, await paymentsRepository.findActiveForOrder(tx, order.id));
  const payment = await paymentsRepository.insert(tx, {
    id: randomUUID(),
    orderId: order.id,
    userId: order.userId,
    providerPaymentId: charge.providerPaymentId,
    amountCents: charge.amountCents,
    currency: charge.currency.toLowerCase(),
    cardBrand: charge.card?.brand ?? null,
    cardLast4: charge.card?.last4 ?? null,
    status: settlement.status,
    refundReason: settlement.status === 'refund_pending' ? settlement.reason : null,
  });
  if (payment.status === 'succeeded') {
    await outbox.add(tx, paymentCreated, {
      id: payment.id,
      orderId: payment.orderId,
      amountCents: payment.amountCents,
      currency: payment.currency,
      provider: 'stripe',
      providerPaymentId: payment.providerPaymentId,
      paidAt: payment.createdAt.toISOString(),
    });
  }
  return payment;
}
