import type { ApiError } from '@/lib/api/errors';
import type { ApiErrorEntry } from '@/lib/api/types';
import { en, type Messages } from './en';

/** The language of the text. English only so far; another language is another file beside en.ts. */
export const messages: Messages = en;

export type FieldCatalogue = keyof Messages['errors']['byField'];

const textFor = (entry: ApiErrorEntry): string | undefined =>
  (messages.errors.byCode as Record<string, string>)[entry.code];

/** An API error → one sentence for people, chosen by its code (never by the API's wording). */
export function errorText(error: ApiError): string {
  for (const entry of error.errors) {
    const text = textFor(entry);
    if (text) return text;
  }
  return error.status >= 500 ? messages.errors.byCode.unavailable : messages.errors.generic;
}

/**
 * A 400's `invalid` entries → field → the sentence of the form's catalogue; the codes in `atField` go to
 * their field too, with their own sentence; every other entry becomes a sentence of the summary, by its code.
 */
export function formErrors(
  error: ApiError,
  form: FieldCatalogue,
  atField: readonly string[] = [],
): { fields: Record<string, string>; general: string[] } {
  const catalogue: Record<string, string> = messages.errors.byField[form];
  const fields: Record<string, string> = {};
  const general = new Set<string>();
  for (const entry of error.errors) {
    const fieldText = !entry.field
      ? undefined
      : entry.code === 'invalid'
        ? catalogue[entry.field]
        : atField.includes(entry.code)
          ? textFor(entry)
          : undefined;
    if (fieldText) fields[entry.field!] ??= fieldText;
    else general.add(textFor(entry) ?? errorText(error));
  }
  return { fields, general: [...general] };
}
export { windowText } from './en';
