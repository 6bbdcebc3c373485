import { randomUUID } from 'node:crypto';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { expirationComplete, orderCreated, type Bus, type OrderCreated } from '@ticketing/common';
import {
  forThisFile,
  startTestService,
  uniqueSuffix,
  waitFor,
  type EventRecorder,
} from '@ticketing/common/testing';
import { expirationService } from '../src/app';
import { loadServiceConfig } from '../src/config';
import type { ExpirationQueue } from '../src/data/expiration-queue';

/** The service on its own database, stream and queue (a key prefix nobody else uses). */
export const startExpiration = () =>
  startTestService(expirationService, (env) => loadServiceConfig(env), {
    EXPIRATION_QUEUE: 'order-expiration-test',
    EXPIRATION_QUEUE_PREFIX: `t${uniqueSuffix()}`,
  });

/** A handle on the service's queue in Redis, to look at its jobs; `destroy` deletes every key of the queue. */
export function inspectQueue(env: Record<string, string>) {
  const connection = new Redis(env.REDIS_URL!, { maxRetriesPerRequest: null });
  const queue: ExpirationQueue = new Queue(env.EXPIRATION_QUEUE!, {
    connection,
    prefix: env.EXPIRATION_QUEUE_PREFIX!,
  });
  // Redis away (the outage test) is expected here: connection errors are not test output.
  queue.on('error', () => undefined);
  return Object.assign(queue, {
    destroy: async () => {
      await queue.obliterate({ force: true });
      await queue.close();
      await connection.quit();
    },
  });
}

/** The service and a handle on its queue for one test file: started before its tests, closed after them. */
export const expirationForThisFile = () =>
  forThisFile(async () => {
    const service = await startExpiration();
    const queue = inspectQueue(service.env);
    return {
      service,
      queue,
      close: async () => {
        await service.close();
        await queue.destroy();
      },
    };
  });

export const orderCreatedData = (expiresAt: Date, id = randomUUID()): OrderCreated => ({
  id,
  version: 0,
  status: 'created',
  userId: randomUUID(),
  expiresAt: expiresAt.toISOString(),
  ticket: { id: randomUUID(), priceCents: 2500, currency: 'usd' },
});

export const secondsFromNow = (seconds: number) => new Date(Date.now() + seconds * 1_000);

/** Watches expiration.complete; `bus()` is whichever instance is up to publish input events. */
export function expirations(recorder: EventRecorder, bus: () => Bus) {
  const of = (orderId: string) => recorder.of(expirationComplete).filter((e) => e.data.orderId === orderId);
  const arrival = (orderId: string, timeoutMs = 5_000) =>
    waitFor(() => of(orderId)[0], { timeoutMs, intervalMs: 5 });
  return {
    of,
    arrival,
    /** Jobs run in due order: once a later order has expired, a wrongly kept earlier job would have fired. */
    async afterLaterOrder(after: string) {
      const marker = orderCreatedData(new Date(Date.parse(after) + 300));
      await bus().publish(orderCreated, marker);
      await arrival(marker.id);
    },
  };
}
