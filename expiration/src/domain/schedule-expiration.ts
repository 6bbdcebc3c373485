import { currentCorrelationId, type OrderCreated } from '@ticketing/common';
import { EXPIRE_ORDER, type ExpirationQueue } from '../data/expiration-queue';

/**
 * Schedules the order's expiration at its expiresAt (at once if that has passed). The job id is the order
 * id, so a repeated order.created finds the job (pending or recently done) and schedules nothing new.
 */
export async function scheduleExpiration(
  queue: ExpirationQueue,
  order: Pick<OrderCreated, 'id' | 'expiresAt'>,
  now = Date.now(),
): Promise<void> {
  const delay = Math.max(0, Date.parse(order.expiresAt) - now);
  await queue.add(
    EXPIRE_ORDER,
    { orderId: order.id, expiresAt: order.expiresAt, correlationId: currentCorrelationId() },
    { jobId: order.id, delay },
  );
}
