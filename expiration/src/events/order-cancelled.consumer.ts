import { consumer, orderCancelled } from '@ticketing/common';
import type { ExpirationQueue } from '../data/expiration-queue';
import { cancelExpiration } from '../domain/cancel-expiration';

export const onOrderCancelled = (queue: ExpirationQueue) =>
  consumer(orderCancelled, 'expiration', async (_tx, order) => cancelExpiration(queue, order.id));
