import { z } from 'zod';
import type { Keyset } from '../data/tickets.repository';

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

const cursorPayload = z.tuple([z.iso.datetime(), z.uuid()]);

/** Opaque to clients: base64url of the sort key and id of the last row served. */
export const encodeCursor = ({ key, id }: Keyset): string =>
  Buffer.from(JSON.stringify([key.toISOString(), id])).toString('base64url');

export function decodeCursor(cursor: string): Keyset | undefined {
  try {
    const parsed = cursorPayload.safeParse(JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')));
    return parsed.success ? { key: new Date(parsed.data[0]), id: parsed.data[1] } : undefined;
  } catch {
    return undefined;
  }
}

/** Turns `limit + 1` fetched rows into a page: the extra row only says that another page exists. */
export function toPage<T>(rows: T[], limit: number, keyOf: (row: T) => Keyset): Page<T> {
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  return { items, nextCursor: rows.length > limit && last ? encodeCursor(keyOf(last)) : null };
}
