import { consumer, orderCreated } from '@ticketing/common';
import type { ExpirationQueue } from '../data/expiration-queue';
import { scheduleExpiration } from '../domain/schedule-expiration';

export const onOrderCreated = (queue: ExpirationQueue) =>
  consumer(orderCreated, 'expiration', async (_tx, order) => scheduleExpiration(queue, order));
