import { BadRequestError } from '@ticketing/common';
import type { PaymentCursor } from '../data/payments.repository';

/** Opaque to clients: base64url of the last row's sort key (created_at, id). */
export const encodeCursor = (cursor: PaymentCursor): string =>
  Buffer.from(JSON.stringify([cursor.createdAt.toISOString(), cursor.id])).toString('base64url');

export function decodeCursor(raw: string): PaymentCursor {
  try {
    const [createdAt, id] = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')) as unknown[];
    const date = new Date(String(createdAt));
    if (typeof id === 'string' && /^[0-9a-f-]{36}$/i.test(id) && !Number.isNaN(date.getTime())) {
      return { createdAt: date, id };
    }
  } catch {
    // fall through: any malformed cursor is the same client error
  }
  throw new BadRequestError('Invalid cursor', 'cursor');
}
