import path from 'node:path';
import { rateLimit, userOf, type ServiceDefinition } from '@ticketing/common';
import { paymentsRouter, WEBHOOK_PATH } from './api/payments.router';
import { needs, type Config } from './config';
import { registerRefundMetrics } from './data/refund-metrics';
import { createStripeClient } from './data/stripe-client';
import { cardLimit } from './domain/card-limit';
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
    const window = { durationSeconds: config.PAYMENT_RATE_WINDOW_SECONDS };
    const prefix = config.RATE_LIMIT_PREFIX;
    const limits = {
      perUser: rateLimit({
        redis,
        name: `${prefix}:pay:user`,
        points: config.PAYMENT_RATE_POINTS_PER_USER,
        ...window,
        key: (req) => userOf(req).id,
      }),
      perCard: cardLimit(redis, stripe, {
        name: `${prefix}:pay:card`,
        points: config.PAYMENT_RATE_POINTS_PER_CARD,
        ...window,
      }),
    };
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
          limits,
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
