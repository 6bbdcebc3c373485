import { backoffDelay, NotifiedWorker, type BackoffOptions, type Database } from '@ticketing/common';
import type { Logger } from 'pino';
import type { PaymentRow } from '../data/payments.repository';
import { refundsRepository, REFUNDS_CHANNEL } from '../data/refunds.repository';
import type { StripeClient } from '../data/stripe-client';
import { refundPayment } from './refund-payment';

const BATCH = 20;
/** Longer than one Stripe call with its retries: a crashed attempt is taken up again after this. */
const LEASE_MS = 120_000;

export interface RefundPolicy {
  pollIntervalMs: number;
  /** After this many failed attempts a refund is refund_failed: an operator looks at it (payments-admin). */
  maxAttempts: number;
  backoff: BackoffOptions;
}

/**
 * Carries out queued refunds (payments in refund_pending) after the transaction that queued them
 * commits: common's NotifiedWorker wakes it at once on NOTIFY, with a slow poll as the safety net. Work
 * is picked by due time with SKIP LOCKED and leased, so instances share it and a refund Stripe keeps
 * refusing waits its jittered backoff without holding back the others; Stripe is never called with a
 * lock held, and idempotency keys make a retried attempt harmless.
 */
export class RefundWorker {
  private worker: NotifiedWorker | undefined;

  constructor(
    private readonly database: Database,
    private readonly stripe: StripeClient,
    private readonly logger: Logger,
    private readonly policy: RefundPolicy,
  ) {}

  start(): this {
    this.worker = new NotifiedWorker(
      this.database,
      this.logger,
      {
        name: 'refund worker',
        channel: REFUNDS_CHANNEL,
        pollIntervalMs: this.policy.pollIntervalMs,
        maxBackoffMs: this.policy.pollIntervalMs,
      },
      () => this.pass(),
    );
    return this;
  }

  async close(): Promise<void> {
    await this.worker?.close();
  }

  private async pass(): Promise<'done' | 'more'> {
    const rows = await refundsRepository.claimDue(this.database.db, BATCH, LEASE_MS);
    await Promise.all(rows.map((row) => this.attempt(row)));
    return rows.length === BATCH ? 'more' : 'done';
  }

  private async attempt(row: PaymentRow): Promise<void> {
    try {
      if (await refundPayment(this.database, this.stripe, row)) {
        this.logger.info({ paymentId: row.id, reason: row.refundReason }, 'payment refunded');
      }
    } catch (err) {
      const giveUp = row.refundAttempts >= this.policy.maxAttempts;
      const retryInMs = backoffDelay(row.refundAttempts, this.policy.backoff);
      const error = err instanceof Error ? err.message : String(err);
      const log = { paymentId: row.id, attempts: row.refundAttempts, error };
      if (giveUp) this.logger.error(log, 'refund failed for good: refund_failed, see payments-admin');
      else this.logger.warn({ ...log, retryInMs }, 'refund attempt failed, will retry');
      await refundsRepository.recordFailure(this.database.db, row.id, error, { giveUp, retryInMs });
    }
  }
}
