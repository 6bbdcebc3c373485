import { deterministicId, expirationComplete, type Bus } from '@ticketing/common';

/**
 * Announces that an order's time is up. Published directly (expiration has no business table for an
 * outbox); the id derived from the order makes a retried or re-run job a duplicate that JetStream and
 * every consumer discard.
 */
export async function completeExpiration(bus: Bus, orderId: string): Promise<void> {
  await bus.publish(expirationComplete, { orderId }, { id: deterministicId('expiration.complete', orderId) });
}
