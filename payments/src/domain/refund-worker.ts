import { NotifiedWorker, type Database } from '@ticketing/common';
import type { Logger } from 'pino';
import { paymentsRepository, REFUNDS_CHANNEL } from '../data/payments.repository';
import type { StripeClient } from '../data/stripe-client';
import { refundPayment } from './refund-payment';

const BATCH = 20;

/**
 * Carries out queued refunds (payments in refund_pending) after the transaction that queued them
 * commits: common's NotifiedWorker wakes it at once on NOTIFY, with a slow poll as the safety net. Stripe
 * is never called with a row lock held, and a crash at any point is repaired by the next pass (idempotency
 * keys make the retry harmless). Several instances may pass over the same row; only one marks it refunded.
 */
export class RefundWorker {
  private worker: NotifiedWorker | undefined;

  constructor(
    private readonly database: Database,
    private readonly stripe: StripeClient,
    private readonly logger: Logger,
    private readonly pollIntervalMs: number,
  ) {}

  start(): this {
    this.worker = new NotifiedWorker(
      this.database,
      this.logger,
      {
        name: 'refund worker',
        channel: REFUNDS_CHANNEL,
        pollIntervalMs: this.pollIntervalMs,
        maxBackoffMs: this.pollIntervalMs,
      },
      () => this.pass(),
    );
    return this;
  }

  async close(): Promise<void> {
    await this.worker?.close();
  }

  private async pass(): Promise<'done' | 'more'> {
    const rows = await paymentsRepository.listRefundPending(this.database.db, BATCH);
    let failed: unknown;
    for (const row of rows) {
      // One refund Stripe keeps refusing must not hold back the others.
      await refundPayment(this.database, this.stripe, row).then(
        (done) =>
          done && this.logger.info({ paymentId: row.id, reason: row.refundReason }, 'payment refunded'),
        (err: unknown) => (failed = err),
      );
    }
    if (failed) throw failed;
    return rows.length === BATCH ? 'more' : 'done';
  }
}
