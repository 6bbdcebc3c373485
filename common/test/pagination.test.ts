import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { BadRequestError, decodeCursor, encodeCursor, paginationQuery, toPage, type Keyset } from '../src';

const base64url = (payload: unknown) => Buffer.from(JSON.stringify(payload)).toString('base64url');

function decodeError(text: string): unknown {
  try {
    decodeCursor(text);
  } catch (err) {
    return err;
  }
  throw new Error(`"${text}" was accepted as a cursor`);
}

describe('cursor', () => {
  test('when a keyset is encoded, then decoding gives back the same instant and id', () => {
    const keyset: Keyset = { at: new Date('2031-05-17T08:30:12.345Z'), id: randomUUID() };

    const cursor = encodeCursor(keyset);

    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeCursor(cursor)).toEqual(keyset);
  });

  test.each([
    ['garbage', 'garbage'],
    ['empty', ''],
    ['truncated', encodeCursor({ at: new Date(), id: randomUUID() }).slice(0, -6)],
    ['not a date', base64url(['yesterday', randomUUID()])],
    ['not a uuid', base64url([new Date().toISOString(), 'order-7'])],
    ['an object', base64url({ at: new Date().toISOString(), id: randomUUID() })],
    ['an extra element', base64url([new Date().toISOString(), randomUUID(), 'admin'])],
  ])('when the cursor is %s, then a 400 BadRequestError names the cursor field', (_, text) => {
    const err = decodeError(text);

    expect(err).toBeInstanceOf(BadRequestError);
    expect(err).toMatchObject({ status: 400, field: 'cursor', message: 'Invalid cursor' });
  });
});

describe('toPage', () => {
  const rows = Array.from({ length: 4 }, (_, i) => ({
    id: randomUUID(),
    createdAt: new Date(Date.UTC(2030, 0, 10 - i)),
  }));
  const keyOf = (row: (typeof rows)[number]): Keyset => ({ at: row.createdAt, id: row.id });

  test('when one row more than the limit was read, then it is held back and the cursor points at the last item', () => {
    const page = toPage(rows, 3, keyOf);

    expect(page.items).toEqual(rows.slice(0, 3));
    expect(decodeCursor(page.nextCursor!)).toEqual(keyOf(rows[2]!));
  });

  test('when no further row was read, then every row is served and nextCursor is null', () => {
    expect(toPage(rows, 4, keyOf)).toEqual({ items: rows, nextCursor: null });
    expect(toPage(rows.slice(0, 2), 4, keyOf)).toEqual({ items: rows.slice(0, 2), nextCursor: null });
    expect(toPage([], 4, keyOf)).toEqual({ items: [], nextCursor: null });
  });
});

describe('paginationQuery', () => {
  const query = z.object({ ...paginationQuery, q: z.string().min(1).optional() });

  test('when nothing is given, then 20 items from the start are asked for', () => {
    expect(query.parse({})).toEqual({ limit: 20 });
  });

  test('when a cursor we issued is given, then the query carries its keyset', () => {
    const keyset: Keyset = { at: new Date(), id: randomUUID() };

    expect(query.parse({ limit: '5', cursor: encodeCursor(keyset) })).toEqual({ limit: 5, cursor: keyset });
  });

  test('when the cursor and other fields are bad, then every one of them is reported', () => {
    const result = query.safeParse({ limit: '101', cursor: 'garbage', q: '' });

    expect(result.success).toBe(false);
    const issues = result.error!.issues.map((issue) => ({
      field: issue.path.join('.'),
      message: issue.message,
    }));
    expect(issues.map((issue) => issue.field).sort()).toEqual(['cursor', 'limit', 'q']);
    expect(issues).toContainEqual({ field: 'cursor', message: 'Invalid cursor' });
  });

  test('when the cursor is far longer than any we issue, then it is refused', () => {
    expect(query.safeParse({ cursor: 'a'.repeat(201) }).success).toBe(false);
  });
});
