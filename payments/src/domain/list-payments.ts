import { toPage, type Database, type Keyset, type Page } from '@ticketing/common';
import { paymentsRepository, type PaymentFilter } from '../data/payments.repository';
import { toPaymentView, type PaymentView } from './payment';

export async function listPayments(
  { db }: Pick<Database, 'db'>,
  filter: PaymentFilter & { userId: string },
  limit: number,
  after?: Keyset,
): Promise<Page<PaymentView>> {
  const rows = await paymentsRepository.list(db, filter, limit + 1, after);
  const page = toPage(rows, limit, (row) => ({ at: row.createdAt, id: row.id }));
  return { ...page, items: page.items.map(toPaymentView) };
}
