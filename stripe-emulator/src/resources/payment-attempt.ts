import type Stripe from 'stripe';
import { ApiError, docUrl, invalidRequest, unexpectedState } from '../errors';
import { snapshot, type EmulatorState, type RequestContext } from '../state';
import type { StoredPaymentMethod } from '../test-cards';
import { buildCharge } from './charges';
import { emitEvent } from './events';
import { mayRedirect } from './payment-intent-params';

const CONFIRMABLE: readonly Stripe.PaymentIntent.Status[] = [
  'requires_payment_method',
  'requires_confirmation',
  'requires_action',
];

/**
 * Confirms `intent` with `method`: one Charge per attempt. A success moves the intent to
 * `succeeded`; a decline leaves it in `requires_payment_method` with `last_payment_error`
 * (so the buyer can try another card) and answers 402 like Stripe.
 */
export function confirmWith(
  state: EmulatorState,
  ctx: RequestContext,
  intent: Stripe.PaymentIntent,
  method: StoredPaymentMethod | undefined,
  returnUrl: string | undefined,
): void {
  assertConfirmable(intent, method, returnUrl);
  const charge = buildCharge(intent, method);
  state.charges.set(charge.id, charge);
  intent.latest_charge = charge.id;
  const decline = method.card.decline;
  if (!decline) {
    Object.assign(intent, {
      status: 'succeeded',
      amount_received: intent.amount,
      payment_method: method.paymentMethod.id,
      last_payment_error: null,
    });
    emitEvent(state, ctx, 'charge.succeeded', charge);
    emitEvent(state, ctx, 'payment_intent.succeeded', intent);
    return;
  }
  const error = {
    type: 'card_error' as const,
    code: decline.code,
    decline_code: decline.declineCode,
    message: decline.message,
    charge: charge.id,
    doc_url: docUrl(decline.code),
    payment_method: method.paymentMethod,
  } satisfies Stripe.PaymentIntent.LastPaymentError;
  Object.assign(intent, {
    status: 'requires_payment_method',
    payment_method: null,
    last_payment_error: error,
  });
  emitEvent(state, ctx, 'charge.failed', charge);
  emitEvent(state, ctx, 'payment_intent.payment_failed', intent);
  // The 402 body is the same error, naming the intent as it now stands.
  throw new ApiError(402, { ...error, payment_intent: snapshot(intent) });
}

export function assertConfirmable(
  intent: Stripe.PaymentIntent,
  method: StoredPaymentMethod | undefined,
  returnUrl: string | undefined,
): asserts method is StoredPaymentMethod {
  if (intent.status === 'succeeded') {
    throw unexpectedState(
      'You cannot confirm this PaymentIntent because it has already succeeded after being previously confirmed.',
    );
  }
  if (!CONFIRMABLE.includes(intent.status)) {
    throw unexpectedState(
      `You cannot confirm this PaymentIntent because it has a status of ${intent.status}. Only a PaymentIntent with one of the following statuses may be confirmed: ${CONFIRMABLE.join(', ')}.`,
    );
  }
  if (!method) {
    throw unexpectedState(
      "You cannot confirm this PaymentIntent because it's missing a payment method. You can either update the PaymentIntent with a payment method and then confirm it again, or confirm it again directly with a payment method.",
    );
  }
  if (mayRedirect(intent) && !returnUrl) {
    throw invalidRequest(
      'A `return_url` must be specified because this Payment Intent is configured to automatically accept the payment methods enabled in the Dashboard, some of which may require a full page redirect to succeed. If you do not want to accept redirect-based payment methods, set `automatic_payment_methods[enabled]` to `true` and `automatic_payment_methods[allow_redirects]` to `never` when creating Setup Intents and Payment Intents.',
    );
  }
}
