import type { TicketFilters } from '@/lib/api/server';
import { CURRENCIES, toMinorUnits } from '@/lib/format';
import { messages } from '@/lib/messages';

export type SearchParams = Record<string, string | string[] | undefined>;

/** The marketplace form's fields, in the URL under these names. */
export const SEARCH_FIELDS = ['q', 'from', 'to', 'currency', 'min', 'max'] as const;
export type SearchValues = Partial<Record<(typeof SEARCH_FIELDS)[number] | 'cursor', string>>;

const one = (value: string | string[] | undefined) =>
  (Array.isArray(value) ? value[0] : value)?.trim() || undefined;
const isDay = (value: string) => /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(value));

export function searchValues(params: SearchParams): SearchValues {
  const values: SearchValues = {};
  for (const key of [...SEARCH_FIELDS, 'cursor'] as const) {
    const value = one(params[key]);
    if (value) values[key] = value;
  }
  return values;
}

/** The URL of these values, without empty parameters (the form submits every field, filled or not). */
export function searchHref(values: SearchValues): string {
  const query = new URLSearchParams(Object.entries(values).filter(([, v]) => v)).toString();
  return query ? `/?${query}` : '/';
}

/**
 * The form speaks in major units of one chosen currency and calendar days; the API in minor units and
 * instants. Every problem is found at once, keyed by the form's own field names, in the catalogue's words.
 */
export function toFilters(values: SearchValues): { filters: TicketFilters; errors: Record<string, string> } {
  const say = messages.errors.byField.search;
  const errors: Record<string, string> = {};
  const currency = values.currency && CURRENCIES.includes(values.currency) ? values.currency : undefined;
  if (values.currency && !currency) errors.currency = say.currency;
  const price = (input: string | undefined, field: 'min' | 'max') => {
    if (input === undefined) return undefined;
    if (!currency) {
      errors.currency ??= messages.search.priceNeedsCurrency;
      return undefined;
    }
    const minor = toMinorUnits(input, currency);
    if (minor === null) errors[field] = field === 'min' ? say.minPrice : say.maxPrice;
    return minor ?? undefined;
  };
  const minPrice = price(values.min, 'min');
  const maxPrice = price(values.max, 'max');
  if (minPrice !== undefined && maxPrice !== undefined && minPrice > maxPrice) errors.max = say.maxPrice;
  if (values.from && !isDay(values.from)) errors.from = say.from;
  if (values.to && (!isDay(values.to) || (values.from && values.to < values.from))) errors.to = say.to;
  return {
    filters: {
      q: values.q,
      from: values.from,
      to: values.to && isDay(values.to) ? `${values.to}T23:59:59.999Z` : values.to,
      currency,
      minPrice,
      maxPrice,
      cursor: values.cursor,
    },
    errors,
  };
}

/** The API's field names → the form's. */
export const API_FIELD: Record<string, string> = { minPrice: 'min', maxPrice: 'max' };
