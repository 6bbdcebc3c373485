/**
 * How the buyer pays. With a live publishable key, card details must go through Stripe Elements
 * (@stripe/react-stripe-js is not part of this build yet: see README). Without a key, or with a
 * test key, the buyer picks one of Stripe's test payment methods, which the emulator and Stripe's
 * own test mode both understand.
 */
export type PaymentMode = 'test' | 'elements';

export const publishableKey = process.env.NEXT_PUBLIC_STRIPE_PUBLISHABLE_KEY ?? '';

export const paymentMode = (): PaymentMode => (publishableKey.startsWith('pk_live_') ? 'elements' : 'test');

export const TEST_CARDS = [
  { id: 'pm_card_visa', label: 'Visa — succeeds', last4: '4242' },
  { id: 'pm_card_mastercard', label: 'Mastercard — succeeds', last4: '4444' },
  { id: 'pm_card_chargeDeclined', label: 'Declined card', last4: '0002' },
  { id: 'pm_card_chargeDeclinedInsufficientFunds', label: 'Declined — insufficient funds', last4: '9995' },
  { id: 'pm_card_chargeDeclinedExpiredCard', label: 'Declined — expired card', last4: '0069' },
] as const;
