import type Stripe from 'stripe';
import { newId, nowSeconds } from '../ids';
import type { StoredPaymentMethod } from '../test-cards';
import { retrieveFrom } from './retrieve';

/** The Charge a confirmation attempt creates: succeeded, or failed with the card's decline. */
export function buildCharge(intent: Stripe.PaymentIntent, method: StoredPaymentMethod): Stripe.Charge {
  const { card, paymentMethod } = method;
  const decline = card.decline;
  return {
    id: newId('ch'),
    object: 'charge',
    amount: intent.amount,
    amount_captured: decline ? 0 : intent.amount,
    amount_refunded: 0,
    application: null,
    application_fee: null,
    application_fee_amount: null,
    balance_transaction: decline ? null : newId('txn'),
    billing_details: paymentMethod.billing_details,
    calculated_statement_descriptor: 'TICKETING',
    captured: !decline,
    created: nowSeconds(),
    currency: intent.currency,
    customer: null,
    description: intent.description,
    disputed: false,
    failure_balance_transaction: null,
    failure_code: decline?.code ?? null,
    failure_message: decline?.message ?? null,
    fraud_details: {},
    livemode: false,
    metadata: { ...intent.metadata },
    on_behalf_of: null,
    outcome: {
      advice_code: null,
      network_advice_code: null,
      network_decline_code: null,
      network_status: decline ? 'declined_by_network' : 'approved_by_network',
      reason: decline?.declineCode ?? null,
      risk_level: 'normal',
      seller_message: decline
        ? 'The bank did not return any further details with this decline.'
        : 'Payment complete.',
      type: decline ? 'issuer_declined' : 'authorized',
    },
    paid: !decline,
    payment_intent: intent.id,
    payment_method: paymentMethod.id,
    payment_method_details: { type: 'card', card: cardDetails(intent, method) },
    receipt_email: intent.receipt_email,
    receipt_number: null,
    receipt_url: null,
    refunded: false,
    review: null,
    shipping: null,
    source: null,
    source_transfer: null,
    statement_descriptor: null,
    statement_descriptor_suffix: null,
    status: decline ? 'failed' : 'succeeded',
    transfer_data: null,
    transfer_group: null,
  };
}

/** What Stripe tells about the card on a charge (`payment_method_details.card`): brand, last four, expiry, checks. */
function cardDetails(
  intent: Stripe.PaymentIntent,
  { card, paymentMethod }: StoredPaymentMethod,
): Stripe.Charge.PaymentMethodDetails.Card {
  const pm = paymentMethod.card!;
  return {
    amount_authorized: card.decline ? null : intent.amount,
    authorization_code: card.decline ? null : '123456',
    brand: pm.brand,
    checks: {
      address_line1_check: null,
      address_postal_code_check: null,
      cvc_check: card.decline ? null : 'pass',
    },
    country: pm.country,
    electronic_commerce_indicator: null,
    exp_month: pm.exp_month,
    exp_year: pm.exp_year,
    fingerprint: pm.fingerprint,
    funding: pm.funding,
    installments: null,
    last4: pm.last4,
    mandate: null,
    network: pm.brand,
    network_transaction_id: card.decline ? null : newId('ntx'),
    regulated_status: 'unregulated',
    three_d_secure: null,
    transaction_link_id: null,
    wallet: null,
  };
}

export const retrieveCharge = retrieveFrom('charge', (state) => state.charges);
