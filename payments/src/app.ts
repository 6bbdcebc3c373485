import path from 'node:path';
import type { ServiceDefinition } from '@ticketing/common';
import { paymentsRouter, WEBHOOK_PATH } from './api/payments.router';
import { needs, type Config } from './config';
import { registerRefundMetrics } from './data/refund-metrics';
import { createStripeClient } from './data/stripe-client';
import { attemptLimit } from './domain/attempt-limit';
import { ReconcileJob } from './domain/reconcile-job';
import { RefundWorker } from './domain/refund-worker';
import { onOrderCancelled } from './events/order-cancelled.consumer';
import { onOrderCompleted } from './events/order-completed.consumer';
import { onOrderCreated } from './events/order-created.consumer';

const BASE = '/api/payments';

export const paymentsService: ServiceDefinition<Config> = {
  name: 'payments',
  needs,
  migrationsDir: path.resolve(__dirname, '../migrations'),
  wire: ({ config, database, logger, redis, metrics }) => {
    const stripe = createStripeClient(config);
    const limitAttempt = attemptLimit(redis, stripe, {
      prefix: config.RATE_LIMIT_PREFIX,
      perUser: config.PAYMENT_RATE_POINTS_PER_USER,
      perCard: config.PAYMENT_RATE_POINTS_PER_CARD,
      durationSeconds: config.PAYMENT_RATE_WINDOW_SECONDS,
    });
    const refunds = new RefundWorker(database, stripe, logger, {
      pollIntervalMs: config.REFUND_POLL_INTERVAL_MS,
      maxAttempts: config.REFUND_MAX_ATTEMPTS,
      backoff: { baseMs: config.REFUND_BACKOFF_BASE_MS, maxMs: config.REFUND_BACKOFF_MAX_MS },
    }).start();
    registerRefundMetrics(metrics, database);
    const reconcile = new ReconcileJob(database, stripe, logger, {
      intervalMs: config.RECONCILE_INTERVAL_MS,
      windowMs: config.RECONCILE_WINDOW_HOURS * 3_600_000,
    }).start();
    return {
      routes: {
        [BASE]: paymentsRouter({
          database,
          stripe,
          webhookSecret: config.STRIPE_WEBHOOK_SECRET,
          confirmTimeoutMs: config.PAYMENT_CONFIRM_TIMEOUT_MS,
          limitAttempt,
        }),
      },
      consumers: [onOrderCreated, onOrderCancelled, onOrderCompleted],
      csrfExempt: [`${BASE}${WEBHOOK_PATH}`],
      closeables: [
        ['refunds', refunds],
        ['reconciliation', reconcile],
      ],
    };
  },
};
