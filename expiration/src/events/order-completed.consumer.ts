import { consumer, orderCompleted } from '@ticketing/common';
import type { ExpirationQueue } from '../data/expiration-queue';
import { cancelExpiration } from '../domain/cancel-expiration';

export const onOrderCompleted = (queue: ExpirationQueue) =>
  consumer(orderCompleted, 'expiration', async (_tx, order) => cancelExpiration(queue, order.id));
