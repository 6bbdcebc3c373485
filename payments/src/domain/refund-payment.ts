import { outbox, paymentRefunded, type Database } from '@ticketing/common';
import Stripe from 'stripe';
import type { PaymentRow } from '../data/payments.repository';
import { refundsRepository } from '../data/refunds.repository';
import type { StripeClient } from '../data/stripe-client';

export const refundIdempotencyKey = (providerPaymentId: string) => `refund-${providerPaymentId}`;

/**
 * Carries out one queued refund: Stripe first, outside any transaction, then the row and
 * payment.refunded together. A crash in between leaves the row refund_pending; the retry sends the same
 * idempotency key and parameters, so Stripe answers with the same refund instead of a second one.
 */
export async function refundPayment(
  { db }: Pick<Database, 'db'>,
  stripe: StripeClient,
  payment: PaymentRow,
): Promise<PaymentRow | undefined> {
  const providerRefundId = await createRefund(stripe, payment);
  return db.transaction(async (tx) => {
    const refunded = await refundsRepository.markRefunded(tx, payment.id, providerRefundId);
    if (!refunded) return undefined; // another instance finished it first
    await outbox.add(tx, paymentRefunded, {
      id: refunded.id,
      orderId: refunded.orderId,
      amountCents: refunded.amountCents,
      currency: refunded.currency,
      reason: refunded.refundReason ?? 'refunded',
    });
    return refunded;
  });
}

async function createRefund(stripe: StripeClient, payment: PaymentRow): Promise<string | null> {
  try {
    const refund = await stripe.refunds.create(
      {
        payment_intent: payment.providerPaymentId,
        reason: payment.refundReason === 'duplicate' ? 'duplicate' : 'requested_by_customer',
        metadata: { order_id: payment.orderId, payment_id: payment.id },
      },
      { idempotencyKey: refundIdempotencyKey(payment.providerPaymentId) },
    );
    return refund.id;
  } catch (err) {
    // Refunded earlier by other means (e.g. in the Dashboard): the money is back, which is all we need.
    if (err instanceof Stripe.errors.StripeInvalidRequestError && err.code === 'charge_already_refunded') {
      return null;
    }
    throw err;
  }
}
