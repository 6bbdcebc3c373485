import type { Database } from '@ticketing/common';
import type { PoolClient } from 'pg';
import type { Logger } from 'pino';
import { paymentsRepository, REFUNDS_CHANNEL } from '../data/payments.repository';
import type { StripeClient } from '../data/stripe-client';
import { refundPayment } from './refund-payment';

const BATCH = 20;
const MIN_BACKOFF_MS = 200;

/**
 * Carries out queued refunds (payments in refund_pending) after the transaction that queued them
 * commits: NOTIFY wakes it at once, a slow poll is the safety net. Stripe is never called with a row
 * lock held, and a crash at any point is repaired by the next pass (idempotency keys make the retry
 * harmless). Several instances may pass over the same row; only one marks it refunded.
 */
export class RefundWorker {
  private listener: PoolClient | undefined;
  private stopping = false;
  private pending = false;
  private failures = 0;
  private wakeUp: (() => void) | undefined;
  private loop: Promise<void> = Promise.resolve();

  constructor(
    private readonly database: Database,
    private readonly stripe: StripeClient,
    private readonly logger: Logger,
    private readonly pollIntervalMs: number,
  ) {}

  start(): this {
    this.loop = this.run();
    return this;
  }

  wake(): void {
    this.pending = true;
    this.wakeUp?.();
  }

  async close(): Promise<void> {
    this.stopping = true;
    this.wakeUp?.();
    await this.loop;
    this.dropListener();
  }

  private async run(): Promise<void> {
    while (!this.stopping) {
      let delay = this.pollIntervalMs;
      try {
        await this.ensureListener();
        await this.drain();
        this.failures = 0;
      } catch (err) {
        this.failures++;
        delay = Math.min(MIN_BACKOFF_MS * 2 ** this.failures, this.pollIntervalMs);
        this.logger.warn({ err, retryInMs: delay }, 'refund pass failed, retrying');
      }
      await this.sleep(delay);
    }
  }

  private async drain(): Promise<void> {
    this.pending = false;
    const rows = await paymentsRepository.listRefundPending(this.database.db, BATCH);
    let failed: unknown;
    for (const row of rows) {
      if (this.stopping) return;
      // One refund Stripe keeps refusing must not hold back the others.
      await refundPayment(this.database, this.stripe, row).then(
        (done) =>
          done && this.logger.info({ paymentId: row.id, reason: row.refundReason }, 'payment refunded'),
        (err: unknown) => (failed = err),
      );
    }
    if (failed) throw failed;
    if (rows.length === BATCH) this.pending = true;
  }

  private async ensureListener(): Promise<void> {
    if (this.listener) return;
    const client = await this.database.pool.connect();
    client.on('notification', () => this.wake());
    client.on('error', (err) => {
      this.logger.warn({ err }, 'refund listener connection lost');
      this.dropListener(true);
    });
    await client.query(`listen ${REFUNDS_CHANNEL}`);
    this.listener = client;
  }

  private dropListener(broken = false): void {
    const client = this.listener;
    this.listener = undefined;
    client?.release(broken ? new Error('listener dropped') : true);
  }

  private sleep(ms: number): Promise<void> {
    if (this.stopping || this.pending) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(() => this.wakeUp?.(), ms);
      this.wakeUp = () => {
        this.wakeUp = undefined;
        clearTimeout(timer);
        resolve();
      };
    });
  }
}
