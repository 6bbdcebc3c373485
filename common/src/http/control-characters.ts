import type { RequestHandler } from 'express';
import { BadRequestError } from '../errors/app-error';
import { CONTROL_CHARACTERS } from '../validation/text';

// A control character is never part of a search term, an id or a filter.

function firstBadField(query: unknown): string | undefined {
  if (typeof query !== 'object' || query === null) return undefined;
  for (const [name, value] of Object.entries(query)) {
    const values: unknown[] = Array.isArray(value) ? value : [value];
    if (values.some((v) => typeof v === 'string' && CONTROL_CHARACTERS.test(v))) return name;
  }
  return undefined;
}

/** A query string value with a control character (`q=a%00b`) is a 400 before any route sees it. */
export const rejectControlCharactersInQuery: RequestHandler = (req, _res, next) => {
  const field = firstBadField(req.query);
  if (field) throw new BadRequestError('must not contain control characters', field);
  next();
};
