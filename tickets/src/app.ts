import path from 'node:path';
import { rateLimitsOn, type ServiceDefinition } from '@ticketing/common';
import { eventsRouter } from './api/events.router';
import { ticketsRouter } from './api/tickets.router';
import { needs, type Config } from './config';
import { onOrderCancelled, onOrderCompleted, onOrderCreated } from './events/order-hold.consumers';

export const ticketsService: ServiceDefinition<Config> = {
  name: 'tickets',
  needs,
  migrationsDir: path.resolve(__dirname, '../migrations'),
  wire: ({ config, database, redis, logger }) => {
    // Per seller, one budget per kind of thing created (an event, then its listings).
    const limit = rateLimitsOn(redis, 'tickets');
    const createLimit = (name: string) =>
      limit({
        name,
        points: config.TICKETS_CREATE_LIMIT_PER_MINUTE,
        durationSeconds: 60,
        // Behind requireAuth: per seller, so sellers sharing an address (an office, a NAT) do not collide.
        key: (req) => req.currentUser?.id ?? req.ip ?? 'unknown',
      });
    return {
      routes: {
        '/api/tickets': ticketsRouter({ db: database.db, createLimit: createLimit('create') }),
        '/api/events': eventsRouter({ db: database.db, createLimit: createLimit('create-event') }),
      },
      consumers: [onOrderCreated(logger), onOrderCancelled(logger), onOrderCompleted(logger)],
    };
  },
};
