import type { Database } from '@ticketing/common';
import type { Logger } from 'pino';
import type { StripeClient } from '../data/stripe-client';
import { reconcilePayments } from './reconcile-payments';

/** Runs the reconciliation every `intervalMs` over the last `windowMs` of PaymentIntents. */
export class ReconcileJob {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly database: Database,
    private readonly stripe: StripeClient,
    private readonly logger: Logger,
    private readonly options: { intervalMs: number; windowMs: number },
  ) {}

  start(): this {
    this.timer = setInterval(() => {
      this.running = reconcilePayments(
        this.database,
        this.stripe,
        new Date(Date.now() - this.options.windowMs),
        this.logger,
      ).catch((err: unknown) => this.logger.warn({ err }, 'reconciliation failed, next run will retry'));
    }, this.options.intervalMs);
    this.timer.unref();
    return this;
  }

  async close(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }
}
