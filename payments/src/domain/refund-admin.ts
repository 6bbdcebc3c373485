import type { Database } from '@ticketing/common';
import { paymentsRepository, type PaymentRow } from '../data/payments.repository';

/** Refunds that ran out of attempts: money the platform still holds and must give back. */
export const listFailedRefunds = ({ db }: Pick<Database, 'db'>): Promise<PaymentRow[]> =>
  paymentsRepository.listRefundFailed(db);

/** Queues a failed refund for a new round of attempts; undefined when no failed refund has that id. */
export const retryFailedRefund = ({ db }: Pick<Database, 'db'>, paymentId: string) =>
  db.transaction((tx) => paymentsRepository.retryFailedRefund(tx, paymentId));
