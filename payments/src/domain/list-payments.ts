import type { Database } from '@ticketing/common';
import { paymentsRepository, type PaymentCursor } from '../data/payments.repository';
import { toPaymentView, type PaymentView } from './payment';

export interface PaymentPage {
  items: PaymentView[];
  /** Where the next page starts; null on the last page. */
  next: PaymentCursor | null;
}

export async function listPayments(
  { db }: Pick<Database, 'db'>,
  userId: string,
  limit: number,
  after?: PaymentCursor,
): Promise<PaymentPage> {
  const rows = await paymentsRepository.listForUser(db, userId, limit + 1, after);
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return {
    items: page.map(toPaymentView),
    next: rows.length > limit && last ? { createdAt: last.createdAt, id: last.id } : null,
  };
}
