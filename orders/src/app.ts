import path from 'node:path';
import { rateLimit, userOf, type ServiceDefinition } from '@ticketing/common';
import { ordersRouter } from './api/orders.router';
import type { Config } from './config';
import { onExpirationComplete } from './events/expiration-complete.consumer';
import { onPaymentCreated } from './events/payment-created.consumer';
import { onReservationRejected } from './events/ticket-reservation-rejected.consumer';
import { onTicketCreated } from './events/ticket-created.consumer';
import { onTicketUpdated } from './events/ticket-updated.consumer';

export const ordersService: ServiceDefinition<Config> = {
  name: 'orders',
  migrationsDir: path.resolve(__dirname, '../migrations'),
  wire: ({ config, database, redis }) => {
    if (!redis) throw new Error(`orders needs REDIS_URL for its rate limits`);
    const createLimit = rateLimit({
      redis,
      name: 'orders:create',
      points: config.ORDER_CREATE_RATE_POINTS,
      durationSeconds: config.ORDER_CREATE_RATE_WINDOW_SECONDS,
      key: (req) => userOf(req).id,
    });
    return {
      routes: {
        '/api/orders': ordersRouter({ db: database.db, ttlSeconds: config.ORDER_TTL_SECONDS, createLimit }),
      },
      consumers: [
        onTicketCreated,
        onTicketUpdated,
        onReservationRejected,
        onExpirationComplete,
        onPaymentCreated,
      ],
    };
  },
};
