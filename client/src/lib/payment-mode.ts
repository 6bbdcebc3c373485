/**
 * How the buyer pays. With a Stripe publishable key, card details go through Stripe Elements (they never
 * touch our servers: Stripe.js turns them into a PaymentMethod id). Without one (local runs, the browser
 * tests) the buyer picks one of Stripe's test payment methods, which the emulator and Stripe's own test
 * mode both understand. Either way payments receives only a `pm_…` id.
 */
export type PaymentMode = 'test' | 'elements';

export const paymentModeFor = (publishableKey: string): PaymentMode => (publishableKey ? 'elements' : 'test');

/** Their labels are in the catalogue (`payment.testCards`), by id. */
export const TEST_CARDS = [
  { id: 'pm_card_visa', last4: '4242' },
  { id: 'pm_card_mastercard', last4: '4444' },
  { id: 'pm_card_chargeDeclined', last4: '0002' },
  { id: 'pm_card_chargeDeclinedInsufficientFunds', last4: '9995' },
  { id: 'pm_card_chargeDeclinedExpiredCard', last4: '0069' },
] as const;
