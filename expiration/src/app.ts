import { quitRedis, type ServiceDefinition } from '@ticketing/common';
import { needs, type Config } from './config';
import { openExpirationQueue } from './data/expiration-queue';
import { startExpirationWorker } from './data/expiration-worker';
import { registerQueueMetrics } from './data/queue-metrics';
import { completeExpiration } from './domain/complete-expiration';
import { onOrderCancelled } from './events/order-cancelled.consumer';
import { onOrderCompleted } from './events/order-completed.consumer';
import { onOrderCreated } from './events/order-created.consumer';

/**
 * Expiration keeps no business data: its jobs live in Redis (surviving restarts), its database holds only
 * the bus tables that make its consumers idempotent. No /api routes; health and metrics come from common.
 */
export const expirationService: ServiceDefinition<Config> = {
  name: 'expiration',
  needs,
  migrationsDir: null,
  wire: ({ config, bus, logger, metrics }) => {
    const location = {
      redisUrl: config.REDIS_URL,
      name: config.EXPIRATION_QUEUE,
      prefix: config.EXPIRATION_QUEUE_PREFIX,
    };
    const { queue, connection } = openExpirationQueue(location, logger);
    const jobs = startExpirationWorker(location, (job) => completeExpiration(bus, job.orderId), logger);
    registerQueueMetrics(metrics, queue, { queue: connection, worker: jobs.connection });
    return {
      consumers: [onOrderCreated(queue), onOrderCancelled(queue), onOrderCompleted(queue)],
      readiness: { redis: () => connection.ping() },
      // The worker first, so a running job finishes (and publishes) before its queue and connections go.
      closeables: [
        ['expiration-worker', jobs.worker],
        ['expiration-queue', queue],
        [
          'expiration-redis',
          {
            close: async () => void (await Promise.all([quitRedis(jobs.connection), quitRedis(connection)])),
          },
        ],
      ],
    };
  },
};
