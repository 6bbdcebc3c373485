import { z } from 'zod';
import type { EventKeyset, EventSort } from '../data/events.repository';

/**
 * The cursor of the events list: base64url of [sort, price key, start, id]. It names its sort, so a cursor
 * from the date order is refused by the price order instead of silently skipping events.
 */
const payload = z.tuple([
  z.enum(['date', 'price']),
  z.number().int().min(0).max(2_147_483_647).nullable(),
  z.iso.datetime({ offset: true }),
  z.uuid(),
]);

export const encodeEventCursor = (sort: EventSort, key: EventKeyset): string =>
  Buffer.from(JSON.stringify([sort, key.priceKey ?? null, key.startsAt.toISOString(), key.id])).toString(
    'base64url',
  );

export function decodeEventCursor(text: string): { sort: EventSort; key: EventKeyset } | undefined {
  try {
    const parsed = payload.safeParse(JSON.parse(Buffer.from(text, 'base64url').toString('utf8')));
    if (!parsed.success) return undefined;
    const [sort, priceKey, at, id] = parsed.data;
    if ((sort === 'price') !== (priceKey !== null)) return undefined;
    const startsAt = new Date(at);
    if (Number.isNaN(startsAt.getTime())) return undefined;
    return { sort, key: { startsAt, id, ...(priceKey === null ? {} : { priceKey }) } };
  } catch {
    return undefined; // not JSON: as invalid as a well-formed cursor with a wrong payload
  }
}
