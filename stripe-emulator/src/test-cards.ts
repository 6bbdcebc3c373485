import { createHash } from 'node:crypto';
import type Stripe from 'stripe';
import { resourceMissing } from './errors';
import { newId, nowSeconds } from './ids';

export interface Decline {
  code: string;
  declineCode: string;
  message: string;
}

export interface TestCard {
  brand: string;
  last4: string;
  funding: 'credit' | 'debit';
  decline?: Decline;
}

const declined = (last4: string, code: string, declineCode: string, message: string): TestCard => ({
  brand: 'visa',
  last4,
  funding: 'credit',
  decline: { code, declineCode, message },
});

const CARD_DECLINED = 'Your card was declined.';

/** Stripe's test PaymentMethod tokens (https://docs.stripe.com/testing#cards) that the emulator knows. */
export const TEST_CARDS: Readonly<Record<string, TestCard>> = {
  pm_card_visa: { brand: 'visa', last4: '4242', funding: 'credit' },
  pm_card_visa_debit: { brand: 'visa', last4: '5556', funding: 'debit' },
  pm_card_mastercard: { brand: 'mastercard', last4: '4444', funding: 'credit' },
  pm_card_amex: { brand: 'amex', last4: '8431', funding: 'credit' },
  pm_card_chargeDeclined: declined('0002', 'card_declined', 'generic_decline', CARD_DECLINED),
  pm_card_chargeDeclinedInsufficientFunds: declined(
    '9995',
    'card_declined',
    'insufficient_funds',
    'Your card has insufficient funds.',
  ),
  pm_card_chargeDeclinedLostCard: declined('9987', 'card_declined', 'lost_card', CARD_DECLINED),
  pm_card_chargeDeclinedStolenCard: declined('9979', 'card_declined', 'stolen_card', CARD_DECLINED),
  pm_card_chargeDeclinedFraudulent: declined('0019', 'card_declined', 'fraudulent', CARD_DECLINED),
  pm_card_chargeDeclinedExpiredCard: declined(
    '0069',
    'expired_card',
    'expired_card',
    'Your card has expired.',
  ),
  pm_card_chargeDeclinedIncorrectCvc: declined(
    '0127',
    'incorrect_cvc',
    'incorrect_cvc',
    "Your card's security code is incorrect.",
  ),
  pm_card_chargeDeclinedProcessingError: declined(
    '0119',
    'processing_error',
    'processing_error',
    'An error occurred while processing your card. Try again in a little bit.',
  ),
};

export interface StoredPaymentMethod {
  card: TestCard;
  paymentMethod: Stripe.PaymentMethod;
}

/**
 * Like Stripe, a test token (`pm_card_visa`) becomes a new PaymentMethod (`pm_…`) each time it is
 * used; an id the emulator issued earlier resolves to the same card again.
 */
export function resolvePaymentMethod(
  known: Map<string, StoredPaymentMethod>,
  id: string,
  param = 'payment_method',
): StoredPaymentMethod {
  const issued = known.get(id);
  if (issued) return issued;
  const card = TEST_CARDS[id];
  if (!card) throw resourceMissing('PaymentMethod', id, param);
  const stored = { card, paymentMethod: toPaymentMethod(card) };
  known.set(stored.paymentMethod.id, stored);
  return stored;
}

function toPaymentMethod(card: TestCard): Stripe.PaymentMethod {
  const expiry = new Date();
  return {
    id: newId('pm'),
    object: 'payment_method',
    allow_redisplay: 'unspecified',
    billing_details: { address: null, email: null, name: null, phone: null, tax_id: null },
    card: {
      brand: card.brand,
      checks: { address_line1_check: null, address_postal_code_check: null, cvc_check: 'unchecked' },
      country: 'US',
      display_brand: card.brand,
      exp_month: expiry.getMonth() + 1,
      exp_year: expiry.getFullYear() + 1,
      // Like Stripe's: the same card number gives the same fingerprint, whichever PaymentMethod carries it.
      fingerprint: createHash('sha256').update(`${card.brand}:${card.last4}`).digest('hex').slice(0, 16),
      funding: card.funding,
      generated_from: null,
      last4: card.last4,
      networks: { available: [card.brand], preferred: null },
      regulated_status: 'unregulated',
      three_d_secure_usage: { supported: true },
      wallet: null,
    },
    created: nowSeconds(),
    customer: null,
    customer_account: null,
    livemode: false,
    metadata: {},
    type: 'card',
  };
}
