import { z } from 'zod';

/** C0 and C1 control characters (NUL, CR, LF, ESC, ...): matching them is the point of these patterns. */
// eslint-disable-next-line no-control-regex
export const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f-\u009f]/;
/** The same, but for the tab and line feed that a multi-line text keeps. */
// eslint-disable-next-line no-control-regex
const CONTROL_BUT_LINES = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;
/** Bidi embeddings, overrides and isolates: they make a title read differently from what it holds. */
const BIDI_CONTROL = /[\u202a-\u202e\u2066-\u2069]/;

export interface TextFieldOptions {
  max: number;
  /** 0 lets an empty text through (e.g. an optional description). */
  min?: number;
  /** Keeps line breaks (CRLF and CR become LF) and tabs; a single-line text rejects them. */
  multiline?: boolean;
}

/**
 * A user-written text (a name, a title, a venue, a description): trimmed, NFC-normalized, so that one
 * text has one spelling, and free of control and bidi-override characters. Lengths count after that.
 */
export function textField({ max, min = 1, multiline = false }: TextFieldOptions) {
  const control = multiline ? CONTROL_BUT_LINES : CONTROL_CHARACTERS;
  return (
    z
      .string()
      // What the document says of the field (its limits apply after trimming, so a client stays within them).
      .meta({ minLength: min, maxLength: max })
      .transform((value) => (multiline ? value.replace(/\r\n?/g, '\n') : value))
      .pipe(
        z
          .string()
          .trim()
          .normalize('NFC')
          .refine((value) => !control.test(value), 'must not contain control characters')
          .refine((value) => !BIDI_CONTROL.test(value), 'must not contain bidirectional override characters')
          .min(min, min === 1 ? 'must not be empty' : `must be at least ${min} characters`)
          .max(max, `must be at most ${max} characters`),
      )
  );
}
