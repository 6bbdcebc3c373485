import type { EventFilters } from '@/lib/api/server';
import type { Messages } from '@/lib/messages';

export type SearchParams = Record<string, string | string[] | undefined>;

/** The marketplace form's fields, in the URL under these names. */
export const SEARCH_FIELDS = ['q', 'city', 'from', 'to', 'sort'] as const;
export type SearchValues = Partial<Record<(typeof SEARCH_FIELDS)[number] | 'cursor', string>>;

export const SORTS = ['date', 'price'] as const;

const one = (value: string | string[] | undefined) =>
  (Array.isArray(value) ? value[0] : value)?.trim() || undefined;
const isDay = (value: string) => /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(value));

export function searchValues(params: SearchParams): SearchValues {
  const values: SearchValues = {};
  for (const key of [...SEARCH_FIELDS, 'cursor'] as const) {
    const value = one(params[key]);
    if (value) values[key] = value;
  }
  // Soonest first is the default order: the address does not need to say so.
  if (values.sort === 'date') delete values.sort;
  return values;
}

/** The URL of these values, without empty parameters (the form submits every field, filled or not). */
export function searchHref(values: SearchValues): string {
  const query = new URLSearchParams(Object.entries(values).filter(([, v]) => v)).toString();
  return query ? `/?${query}` : '/';
}

/**
 * The form speaks in calendar days; the API in instants. Every problem is found at once, keyed by the
 * form's own field names, in the catalogue's words.
 */
export function toFilters(
  values: SearchValues,
  t: Messages,
): { filters: EventFilters; errors: Record<string, string> } {
  const say = t.errors.byField.search;
  const errors: Record<string, string> = {};
  const sort = SORTS.find((s) => s === values.sort);
  if (values.sort && !sort) errors.sort = say.sort;
  if (values.from && !isDay(values.from)) errors.from = say.from;
  if (values.to && (!isDay(values.to) || (values.from && values.to < values.from))) errors.to = say.to;
  return {
    filters: {
      q: values.q,
      city: values.city,
      from: values.from,
      to: values.to && isDay(values.to) ? `${values.to}T23:59:59.999Z` : values.to,
      sort,
      cursor: values.cursor,
    },
    errors,
  };
}
