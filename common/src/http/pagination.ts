import { z } from 'zod';
import { BadRequestError } from '../errors/app-error';
import { isStorableDate } from '../validation/dates';

/** Where a keyset page stops: the sort key of its last row, with the id breaking ties. */
export interface Keyset {
  at: Date;
  id: string;
}

/** What every list answers (docs/api.md, "Lists"): `nextCursor` is null on the last page. */
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

const INVALID_CURSOR = 'Invalid cursor';

const cursorPayload = z.tuple([z.iso.datetime({ offset: true }), z.uuid()]);

/** Opaque to clients: base64url of the sort key and id of the last row served. */
export const encodeCursor = ({ at, id }: Keyset): string =>
  Buffer.from(JSON.stringify([at.toISOString(), id])).toString('base64url');

function parseCursor(text: string): Keyset | undefined {
  try {
    const parsed = cursorPayload.safeParse(JSON.parse(Buffer.from(text, 'base64url').toString('utf8')));
    if (!parsed.success) return undefined;
    const at = new Date(parsed.data[0]);
    return isStorableDate(at) ? { at, id: parsed.data[1] } : undefined;
  } catch {
    return undefined; // not even JSON: as invalid as a well-formed cursor with the wrong payload
  }
}

/** The keyset a cursor carries; a 400 naming `cursor` when the text is not one we issued. */
export function decodeCursor(text: string): Keyset {
  const keyset = parseCursor(text);
  if (!keyset) throw new BadRequestError(INVALID_CURSOR, 'cursor');
  return keyset;
}

/**
 * Turns rows fetched with `limit + 1` into a page: the extra row is never served, it only says
 * that another page follows, so the last page needs no further query to know it is the last.
 */
export function toPage<T>(rows: T[], limit: number, keyOf: (row: T) => Keyset): Page<T> {
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  return { items, nextCursor: rows.length > limit && last ? encodeCursor(keyOf(last)) : null };
}

/**
 * Query fields of every list, to spread into a service's `z.object`. The cursor is decoded while
 * parsing, so a bad one is reported by `validate()` together with every other bad field.
 * Real cursors are under 100 characters; anything much longer is rejected before decoding.
 */
export const paginationQuery = {
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: z
    .string()
    .max(200)
    .transform((text, ctx) => {
      const keyset = parseCursor(text);
      if (!keyset) ctx.addIssue({ code: 'custom', message: INVALID_CURSOR });
      return keyset ?? z.NEVER;
    })
    .optional(),
};

/** The query of a list that takes nothing but the page: `?limit=&cursor=`. */
export const pageQuery = z.object(paginationQuery);
