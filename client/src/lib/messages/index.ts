import type { ApiError } from '@/lib/api/errors';
import type { ApiErrorEntry, Ticket } from '@/lib/api/types';
import { de } from './de';
import { en, type Messages } from './en';

export type { Messages } from './en';

/** The languages of the text: each is one file beside en.ts, typed `Messages`. */
export const LANGUAGES = { en, de } satisfies Record<string, Messages>;
export type Language = keyof typeof LANGUAGES;
export const DEFAULT_LANGUAGE: Language = 'en';
/** The cookie the language switch sets; it wins over the browser's Accept-Language. */
export const LANGUAGE_COOKIE = 'lang';

export const isLanguage = (value: unknown): value is Language =>
  typeof value === 'string' && Object.hasOwn(LANGUAGES, value);

/**
 * The language of a request: the reader's own choice (the cookie), else the first of the browser's
 * preferences (Accept-Language, by quality) that we have, else English. "de-AT" counts as German.
 */
export function chooseLanguage(cookie: string | undefined, acceptLanguage: string | null): Language {
  if (isLanguage(cookie)) return cookie;
  const preferences = (acceptLanguage ?? '')
    .split(',')
    .map((part, order) => {
      const [range = '', ...params] = part.trim().split(';');
      const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find(Boolean);
      return { primary: range.split('-')[0]!.toLowerCase(), q: q === undefined ? 1 : Number(q), order };
    })
    .filter((p) => p.q > 0)
    .sort((a, b) => b.q - a.q || a.order - b.order);
  return preferences.map((p) => p.primary).find(isLanguage) ?? DEFAULT_LANGUAGE;
}

export type FieldCatalogue = keyof Messages['errors']['byField'];

const textFor = (t: Messages, entry: ApiErrorEntry): string | undefined =>
  (t.errors.byCode as Record<string, string>)[entry.code];

/** An API error → one sentence for people in `t`'s language, chosen by its code (never by the API's wording). */
export function errorText(t: Messages, error: ApiError): string {
  for (const entry of error.errors) {
    const text = textFor(t, entry);
    if (text) return text;
  }
  return error.status >= 500 ? t.errors.byCode.unavailable : t.errors.generic;
}

/**
 * A 400's `invalid` entries → field → the sentence of the form's catalogue; the codes in `atField` go to
 * their field too, with their own sentence; every other entry becomes a sentence of the summary, by its code.
 */
export function formErrors(
  t: Messages,
  error: ApiError,
  form: FieldCatalogue,
  atField: readonly string[] = [],
): { fields: Record<string, string>; general: string[] } {
  const catalogue: Record<string, string> = t.errors.byField[form];
  const fields: Record<string, string> = {};
  const general = new Set<string>();
  for (const entry of error.errors) {
    const fieldText = !entry.field
      ? undefined
      : entry.code === 'invalid'
        ? catalogue[entry.field]
        : atField.includes(entry.code)
          ? textFor(t, entry)
          : undefined;
    if (fieldText) fields[entry.field!] ??= fieldText;
    else general.add(textFor(t, entry) ?? errorText(t, error));
  }
  return { fields, general: [...general] };
}

/** "Section Balcony · Row D · Seat 4" (the places are the seller's words); empty when the seller did not say. */
export const placeOf = (t: Messages, ticket: Pick<Ticket, 'section' | 'row' | 'seat'>): string =>
  [
    ticket.section && t.common.section(ticket.section),
    ticket.row && t.common.row(ticket.row),
    ticket.seat && t.common.seatNo(ticket.seat),
  ]
    .filter(Boolean)
    .join(' · ');
