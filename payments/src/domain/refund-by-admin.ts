import { NotFoundError, toPage, type Database, type Keyset, type Page } from '@ticketing/common';
import { paymentsRepository, type PaymentFilter, type PaymentRow } from '../data/payments.repository';
import { refundsRepository } from '../data/refunds.repository';
import { PaymentNotRefundableError } from './errors';

/**
 * An admin refunds a paid order: the payment becomes refund_pending in one transaction and the existing
 * refund worker carries it out (Stripe refund, then payment.refunded, which voids the order's e-tickets).
 */
export async function refundByAdmin({ db }: Pick<Database, 'db'>, paymentId: string): Promise<PaymentRow> {
  return db.transaction(async (tx) => {
    const payment = await paymentsRepository.lockById(tx, paymentId);
    if (!payment) throw new NotFoundError('Payment not found');
    if (payment.status !== 'succeeded') throw new PaymentNotRefundableError();
    await refundsRepository.markPending(tx, payment.id, 'admin_refund');
    return { ...payment, status: 'refund_pending' };
  });
}

/** Every payment, newest first (the admin console). */
export async function listAllPayments(
  { db }: Pick<Database, 'db'>,
  filter: PaymentFilter,
  limit: number,
  after?: Keyset,
): Promise<Page<PaymentRow>> {
  const rows = await paymentsRepository.list(db, filter, limit + 1, after);
  return toPage(rows, limit, (row) => ({ at: row.createdAt, id: row.id }));
}
