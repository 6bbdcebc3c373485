import path from 'node:path';
import { feeRatesOf, rateLimitsOn, userOf, type ServiceDefinition } from '@ticketing/common';
import { eticketsRouter } from './api/etickets.router';
import { ordersRouter } from './api/orders.router';
import { needs, type Config } from './config';
import { eticketSigner } from './domain/eticket-code';
import { onExpirationComplete } from './events/expiration-complete.consumer';
import { onPaymentCreated } from './events/payment-created.consumer';
import { onPaymentRefunded } from './events/payment-refunded.consumer';
import { onReservationRejected } from './events/ticket-reservation-rejected.consumer';
import { onTicketCreated } from './events/ticket-created.consumer';
import { onTicketUpdated } from './events/ticket-updated.consumer';

export const ordersService: ServiceDefinition<Config> = {
  name: 'orders',
  needs,
  migrationsDir: path.resolve(__dirname, '../migrations'),
  wire: ({ config, database, redis }) => {
    // Per user: reservations lock tickets away from everyone else; check-in codes cannot be guessed online.
    const limit = rateLimitsOn(redis, 'orders');
    const perUser = (name: string, points: number, durationSeconds: number) =>
      limit({ name, points, durationSeconds, key: (req) => userOf(req).id });
    const createLimit = perUser(
      'create',
      config.ORDER_CREATE_RATE_POINTS,
      config.ORDER_CREATE_RATE_WINDOW_SECONDS,
    );
    const checkInLimit = perUser('checkin', config.CHECKIN_RATE_POINTS, config.CHECKIN_RATE_WINDOW_SECONDS);
    const signer = eticketSigner(config.ETICKET_SIGNING_KEY);
    const etickets = eticketsRouter({ db: database.db, signer, checkInLimit });
    return {
      routes: {
        '/api/orders': ordersRouter({
          db: database.db,
          etickets,
          ttlSeconds: config.ORDER_TTL_SECONDS,
          feeRates: feeRatesOf(config),
          createLimit,
        }),
      },
      consumers: [
        onTicketCreated,
        onTicketUpdated,
        onReservationRejected,
        onExpirationComplete,
        onPaymentCreated(signer),
        onPaymentRefunded,
      ],
    };
  },
};
