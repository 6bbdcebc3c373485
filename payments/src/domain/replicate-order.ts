import {
  latestInVersionOrder,
  nextVersionDecision,
  type Executor,
  type OrderCancelled,
  type OrderCompleted,
  type OrderCreated,
} from '@ticketing/common';
import { orderReplicaRepository } from '../data/order-replica.repository';
import { paymentsRepository } from '../data/payments.repository';
import { refundsRepository } from '../data/refunds.repository';

/**
 * The replica row of an order.created: the one place a replicated field is mapped. Events from before
 * quantities take one ticket; events from before fees charge the subtotal (no fee).
 */
const toRow = (data: OrderCreated) => {
  const quantity = data.quantity ?? 1;
  const subtotalCents = data.ticket.priceCents * quantity;
  return {
    id: data.id,
    userId: data.userId,
    ticketId: data.ticket.id,
    status: data.status,
    priceCents: subtotalCents,
    quantity,
    totalCents: data.totalCents ?? subtotalCents,
    serviceFeeCents: data.serviceFeeCents ?? 0,
    sellerFeeCents: data.sellerFeeCents ?? 0,
    sellerId: data.ticket.sellerId ?? null,
    eventDate: data.ticket.eventDate ? new Date(data.ticket.eventDate) : null,
    currency: data.ticket.currency,
    version: data.version,
    expiresAt: new Date(data.expiresAt),
  };
};

/** Version 0 creates the replica row; a repeated creation changes nothing. */
export async function applyOrdersCreated(tx: Executor, created: OrderCreated[]): Promise<void> {
  await orderReplicaRepository.insertIfAbsent(tx, created.map(toRow));
}

/**
 * The order closed (by the buyer or by expiry). If a payment crossed the cancellation and succeeded
 * first, or the buyer cancelled the paid order within its window (`buyer_cancelled`), its refund is
 * queued in this same transaction; the refund worker talks to Stripe after commit.
 */
export async function applyOrderCancelled(tx: Executor, data: OrderCancelled): Promise<void> {
  const order = await orderReplicaRepository.lock(tx, data.id);
  if (nextVersionDecision(order?.version, data.version, `order ${data.id}`) === 'stale') return;
  // Complete is final, except for the buyer's own cancellation (orders checked its window): no other
  // late message cancels (or refunds) a paid, completed order.
  const byBuyer = data.reason === 'buyer_cancelled';
  const status = order!.status === 'complete' && !byBuyer ? 'complete' : 'cancelled';
  await orderReplicaRepository.update(tx, data.id, { status, version: data.version });
  if (status !== 'cancelled') return;
  const paid = await paymentsRepository.findActiveForOrder(tx, data.id);
  if (paid?.status === 'succeeded')
    await refundsRepository.markPending(tx, paid.id, byBuyer ? 'buyer_cancelled' : 'order_cancelled');
}

/** Each completion applies on top of its predecessor (a gap waits: RetryLaterError); stale ones are skipped. */
export async function applyOrdersCompleted(tx: Executor, completed: OrderCompleted[]): Promise<void> {
  const stored = await orderReplicaRepository.lockVersions(
    tx,
    completed.map((order) => order.id),
  );
  await orderReplicaRepository.completeMany(tx, latestInVersionOrder(completed, stored, 'order'));
}
