/** The currencies a listing may be priced in (lower-case ISO 4217, as the API stores them). */
export const CURRENCIES = ['usd', 'eur', 'gbp', 'cad', 'aud', 'chf', 'jpy'];

/** Money is integer minor units plus an ISO currency code: shown in major units, never via floats. */
export function formatMoney(minor: number, currency: string, locale: string): string {
  const code = currency.toUpperCase();
  let format: Intl.NumberFormat;
  try {
    format = new Intl.NumberFormat(locale, { style: 'currency', currency: code });
  } catch {
    return `${minor} ${code}`;
  }
  const digits = format.resolvedOptions().maximumFractionDigits ?? 2;
  return format.format(minor / 10 ** digits);
}

/** How many minor units one major unit has (2 for usd, 0 for jpy). */
export function currencyDigits(currency: string): number {
  try {
    return (
      new Intl.NumberFormat('en', { style: 'currency', currency: currency.toUpperCase() }).resolvedOptions()
        .maximumFractionDigits ?? 2
    );
  } catch {
    return 2;
  }
}

/** "42.5" → 4250 for a 2-digit currency, by string arithmetic (no float rounding); null when not a price. */
export function toMinorUnits(input: string, currency: string): number | null {
  const digits = currencyDigits(currency);
  const match = /^\s*(\d{1,9})(?:[.,](\d*))?\s*$/.exec(input);
  if (!match) return null;
  const fraction = match[2] ?? '';
  if (fraction.length > digits) return null;
  return Number(match[1]) * 10 ** digits + Number(fraction.padEnd(digits, '0') || '0');
}

/** 4250 → "42.50": what a price input shows when editing. */
export function toMajorInput(minor: number, currency: string): string {
  const digits = currencyDigits(currency);
  if (digits === 0) return String(minor);
  const major = Math.floor(minor / 10 ** digits);
  return `${major}.${String(minor % 10 ** digits).padStart(digits, '0')}`;
}

export const dateTimeOptions: Intl.DateTimeFormatOptions = {
  weekday: 'short',
  year: 'numeric',
  month: 'short',
  day: 'numeric',
  hour: 'numeric',
  minute: '2-digit',
};

const CARD_BRANDS: Record<string, string> = {
  amex: 'American Express',
  cartes_bancaires: 'Cartes Bancaires',
  diners: 'Diners Club',
  discover: 'Discover',
  eftpos_au: 'eftpos',
  jcb: 'JCB',
  mastercard: 'Mastercard',
  unionpay: 'UnionPay',
  visa: 'Visa',
};

/**
 * A card as a receipt names it: `{ brand: 'visa', last4: '4242' }` → "Visa ···· 4242" (Stripe's brand
 * names, the same in every language); an unknown brand is called `unknown` in the page's language.
 */
export function formatCard(card: { brand: string; last4: string }, unknown = 'Card'): string {
  const brand = CARD_BRANDS[card.brand] ?? (card.brand === 'unknown' ? unknown : card.brand);
  return `${brand} ···· ${card.last4}`;
}
