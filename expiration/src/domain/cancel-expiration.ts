import type { ExpirationQueue } from '../data/expiration-queue';

const PENDING = new Set(['delayed', 'waiting', 'prioritized']);

/**
 * A paid or cancelled order needs no expiration. Only a pending job is removed: a running one is left to
 * finish (orders ignores expiration.complete for a final order), and a finished one is kept so that its id
 * still blocks a late duplicate order.created.
 */
export async function cancelExpiration(queue: ExpirationQueue, orderId: string): Promise<void> {
  const state = await queue.getJobState(orderId);
  // queue.remove does nothing (returns 0) if the job became active meanwhile: it is locked.
  if (PENDING.has(state)) await queue.remove(orderId);
}
