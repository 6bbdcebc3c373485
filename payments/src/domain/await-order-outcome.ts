import { setTimeout as sleep } from 'node:timers/promises';
import type { Executor } from '@ticketing/common';
import { orderReplicaRepository } from '../data/order-replica.repository';

const POLL_MS = 50;

/**
 * Waits for orders' verdict on a paid order, as the replica hears it (order.completed or
 * order.cancelled): 'pending' when it has not come within the time given.
 */
export async function awaitOrderOutcome(
  db: Executor,
  orderId: string,
  timeoutMs: number,
): Promise<'complete' | 'cancelled' | 'pending'> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const order = await orderReplicaRepository.find(db, orderId);
    if (order && order.status !== 'created') return order.status;
    if (Date.now() >= deadline) return 'pending';
    await sleep(POLL_MS);
  }
}
