import path from 'node:path';
import type { ServiceDefinition } from '@ticketing/common';
import { paymentsRouter, WEBHOOK_PATH } from './api/payments.router';
import type { Config } from './config';
import { createStripeClient } from './data/stripe-client';
import { RefundWorker } from './domain/refund-worker';
import { onOrderCancelled } from './events/order-cancelled.consumer';
import { onOrderCompleted } from './events/order-completed.consumer';
import { onOrderCreated } from './events/order-created.consumer';

const BASE = '/api/payments';

export const paymentsService: ServiceDefinition<Config> = {
  name: 'payments',
  migrationsDir: path.resolve(__dirname, '../migrations'),
  wire: ({ config, database, logger }) => {
    const stripe = createStripeClient(config);
    const refunds = new RefundWorker(database, stripe, logger, config.REFUND_POLL_INTERVAL_MS).start();
    return {
      routes: {
        [BASE]: paymentsRouter({ database, stripe, webhookSecret: config.STRIPE_WEBHOOK_SECRET }),
      },
      consumers: [onOrderCreated, onOrderCancelled, onOrderCompleted],
      csrfExempt: [`${BASE}${WEBHOOK_PATH}`],
      closeables: [['refunds', refunds]],
    };
  },
};
