import { toPage, type Database, type Keyset, type Page } from '@ticketing/common';
import { paymentsRepository, type PaymentFilter, type PaymentRow } from '../data/payments.repository';

export async function listPayments(
  { db }: Pick<Database, 'db'>,
  filter: PaymentFilter & { userId: string },
  limit: number,
  after?: Keyset,
): Promise<Page<PaymentRow>> {
  const rows = await paymentsRepository.list(db, filter, limit + 1, after);
  return toPage(rows, limit, (row) => ({ at: row.createdAt, id: row.id }));
}
