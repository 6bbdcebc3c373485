/**
 * What the payment provider (Stripe) accepts as one charge: the currencies this platform sells in, each
 * with Stripe's minimum charge amount, in minor units. Zero-decimal currencies (JPY) have no minor unit:
 * ¥50 is 50. Stripe's amount field takes at most eight digits (USD 999,999.99 = 99,999,999).
 * Source: Stripe's "Supported currencies" guide (minimum and maximum charge amounts).
 */
export const MINIMUM_CHARGE: Readonly<Record<string, number>> = {
  usd: 50,
  eur: 50,
  gbp: 30,
  aud: 50,
  cad: 50,
  chf: 50,
  nzd: 50,
  sgd: 50,
  hkd: 400,
  dkk: 250,
  nok: 300,
  sek: 300,
  pln: 200,
  czk: 1_500,
  mxn: 1_000,
  jpy: 50,
};

export const SUPPORTED_CURRENCIES = Object.keys(MINIMUM_CHARGE);

/** Amounts are integers in the currency's minor unit; these currencies have none (Stripe's list). */
export const ZERO_DECIMAL_CURRENCIES = new Set(['jpy', 'krw', 'vnd', 'clp', 'pyg', 'ugx', 'xaf', 'xof']);

export const MAXIMUM_CHARGE = 99_999_999;

/** Why Stripe would refuse to charge `amount` (minor units) in `currency`, in words; undefined if it would not. */
export function chargeRefusal(amount: number, currency: string): string | undefined {
  const code = currency.toLowerCase();
  const minimum = MINIMUM_CHARGE[code];
  if (minimum === undefined) {
    return `currency ${code.toUpperCase()} is not accepted; use one of ${SUPPORTED_CURRENCIES.map((c) => c.toUpperCase()).join(', ')}`;
  }
  if (!Number.isInteger(amount)) return 'must be a whole number of minor units (cents)';
  if (amount < minimum)
    return `must be at least ${formatMoney(minimum, code)}, the smallest charge in ${code.toUpperCase()}`;
  if (amount > MAXIMUM_CHARGE) return `must be at most ${formatMoney(MAXIMUM_CHARGE, code)}`;
  return undefined;
}

/** "USD 0.50", "JPY 50": an amount in minor units as people read it. */
export function formatMoney(amount: number, currency: string): string {
  const code = currency.toUpperCase();
  if (ZERO_DECIMAL_CURRENCIES.has(currency.toLowerCase())) return `${code} ${amount.toLocaleString('en-US')}`;
  return `${code} ${(amount / 100).toLocaleString('en-US', { minimumFractionDigits: 2 })}`;
}
