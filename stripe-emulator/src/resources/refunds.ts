import type Stripe from 'stripe';
import { invalidRequest, resourceMissing } from '../errors';
import { newId, nowSeconds } from '../ids';
import { assertKnownParams, readEnum, readInteger, readMetadata, readString } from '../params';
import { snapshot, type EmulatorState, type Handler } from '../state';
import { emitEvent } from './events';
import { retrieveFrom } from './retrieve';

const CREATE_PARAMS = ['payment_intent', 'charge', 'amount', 'reason', 'metadata', 'expand'];
const REASONS = ['duplicate', 'fraudulent', 'requested_by_customer'] as const;

/** Refunds succeed at once (as card refunds do in test mode): refund.created, then charge.refunded. */
export const createRefund: Handler = (state, ctx) => {
  const params = ctx.params;
  assertKnownParams(params, CREATE_PARAMS);
  const amount = readInteger(params, 'amount');
  const reason = readEnum(params, 'reason', REASONS) ?? null;
  const metadata = readMetadata(params);
  const charge = refundableCharge(state, readString(params, 'payment_intent'), readString(params, 'charge'));
  const remaining = charge.amount - charge.amount_refunded;
  if (remaining === 0) {
    throw invalidRequest(`Charge ${charge.id} has already been refunded.`, {
      code: 'charge_already_refunded',
    });
  }
  if (amount !== undefined && amount > remaining) {
    throw invalidRequest(
      `Refund amount (${amount} ${charge.currency}) is greater than unrefunded amount on charge (${remaining} ${charge.currency})`,
      { code: 'amount_too_large', param: 'amount' },
    );
  }
  const refund: Stripe.Refund = {
    id: newId('re'),
    object: 'refund',
    amount: amount ?? remaining,
    balance_transaction: newId('txn'),
    charge: charge.id,
    created: nowSeconds(),
    currency: charge.currency,
    customer: null,
    customer_account: null,
    metadata,
    payment_intent: typeof charge.payment_intent === 'string' ? charge.payment_intent : null,
    payment_method: charge.payment_method,
    reason,
    receipt_number: null,
    source_transfer_reversal: null,
    status: 'succeeded',
    transfer_reversal: null,
  };
  state.refunds.set(refund.id, refund);
  const previous = { amount_refunded: charge.amount_refunded, refunded: charge.refunded };
  charge.amount_refunded += refund.amount;
  charge.refunded = charge.amount_refunded === charge.amount;
  emitEvent(state, ctx, 'refund.created', refund);
  emitEvent(state, ctx, 'charge.refunded', charge, previous);
  return snapshot(refund);
};

export const retrieveRefund = retrieveFrom('refund', (state) => state.refunds);

function refundableCharge(state: EmulatorState, intentId?: string, chargeId?: string): Stripe.Charge {
  if (intentId && chargeId) {
    throw invalidRequest('You may only specify one of these parameters: charge, payment_intent.');
  }
  if (chargeId) {
    const charge = state.charges.get(chargeId);
    if (!charge) throw resourceMissing('charge', chargeId, 'charge');
    if (charge.status !== 'succeeded') {
      throw invalidRequest(`Charge ${chargeId} has not succeeded and cannot be refunded.`, {
        param: 'charge',
      });
    }
    return charge;
  }
  if (!intentId) {
    throw invalidRequest(
      'One of the following params should be provided for this request: payment_intent or charge.',
    );
  }
  const intent = state.paymentIntents.get(intentId);
  if (!intent) throw resourceMissing('payment_intent', intentId, 'payment_intent');
  const latest = typeof intent.latest_charge === 'string' ? intent.latest_charge : intent.latest_charge?.id;
  const charge = latest ? state.charges.get(latest) : undefined;
  if (intent.status !== 'succeeded' || !charge) {
    throw invalidRequest(`This PaymentIntent (${intentId}) does not have a successful charge to refund.`, {
      param: 'payment_intent',
    });
  }
  return charge;
}
