import type { Database } from '@ticketing/common';
import type { PaymentRow } from '../data/payments.repository';
import { refundsRepository } from '../data/refunds.repository';

/** Refunds that ran out of attempts: money the platform still holds and must give back. */
export const listFailedRefunds = ({ db }: Pick<Database, 'db'>): Promise<PaymentRow[]> =>
  refundsRepository.listFailed(db);

/** Queues a failed refund for a new round of attempts; undefined when no failed refund has that id. */
export const retryFailedRefund = ({ db }: Pick<Database, 'db'>, paymentId: string) =>
  db.transaction((tx) => refundsRepository.retryFailed(tx, paymentId));
