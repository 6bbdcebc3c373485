import Stripe from 'stripe';
import type { OrderReplicaRow } from '../data/order-replica.repository';
import type { StripeClient } from '../data/stripe-client';
import { PaymentProviderUnavailableError, PaymentRequiredError, UnknownPaymentMethodError } from './errors';
import type { CardUsed, SucceededCharge } from './payment';

/**
 * The same order and card always give the same key, so a retried or doubled request reuses the first
 * PaymentIntent (and its outcome) instead of charging again; another card is a new attempt.
 */
export const paymentIdempotencyKey = (orderId: string, paymentMethodId: string) =>
  `order-${orderId}-${paymentMethodId}`;

/** Charges the order's own total, price + service fee (never a client's amount) and answers only once the money is taken. */
export async function chargeOrder(
  stripe: StripeClient,
  order: OrderReplicaRow,
  paymentMethodId: string,
): Promise<SucceededCharge> {
  let intent: Stripe.PaymentIntent;
  try {
    intent = await stripe.paymentIntents.create(
      {
        amount: order.totalCents,
        currency: order.currency,
        payment_method: paymentMethodId,
        confirm: true,
        metadata: { order_id: order.id },
        automatic_payment_methods: { enabled: true, allow_redirects: 'never' },
        // The charge tells which card paid (payment_method_details.card), for the receipt.
        expand: ['latest_charge'],
      },
      { idempotencyKey: paymentIdempotencyKey(order.id, paymentMethodId) },
    );
  } catch (err) {
    throw translate(err);
  }
  if (intent.status !== 'succeeded') {
    // e.g. a card that needs 3-D Secure: nothing was taken; the webhook records it should it succeed later.
    throw new PaymentRequiredError(`The payment was not completed (${intent.status})`, 'payment_incomplete');
  }
  return {
    providerPaymentId: intent.id,
    orderId: order.id,
    amountCents: intent.amount,
    currency: intent.currency,
    card: cardOf(intent),
  };
}

/** The card on the intent's charge, when the charge came expanded (`expand: ['latest_charge']`). */
export function cardOf(intent: Stripe.PaymentIntent): CardUsed | undefined {
  const charge = intent.latest_charge;
  const card = typeof charge === 'object' ? charge?.payment_method_details?.card : undefined;
  return card?.brand && card.last4 ? { brand: card.brand, last4: card.last4 } : undefined;
}

function translate(err: unknown): unknown {
  if (err instanceof Stripe.errors.StripeCardError) {
    return new PaymentRequiredError(err.message, err.code ?? 'card_declined');
  }
  if (err instanceof Stripe.errors.StripeInvalidRequestError && err.param === 'payment_method') {
    return new UnknownPaymentMethodError(err.message);
  }
  if (
    err instanceof Stripe.errors.StripeConnectionError ||
    err instanceof Stripe.errors.StripeAPIError ||
    err instanceof Stripe.errors.StripeRateLimitError
  ) {
    return new PaymentProviderUnavailableError();
  }
  return err;
}
