import {
  latestInVersionOrder,
  nextVersionDecision,
  type Executor,
  type OrderCancelled,
  type OrderCompleted,
  type OrderCreated,
} from '@ticketing/common';
import { ordersRepository } from '../data/orders.repository';
import { paymentsRepository } from '../data/payments.repository';

/** The replica row of an order.created: the one place a replicated field is mapped. */
const toRow = (data: OrderCreated) => ({
  id: data.id,
  userId: data.userId,
  ticketId: data.ticket.id,
  status: data.status,
  // What the order costs: the unit price times the tickets it takes (one, in events before quantities).
  priceCents: data.ticket.priceCents * (data.quantity ?? 1),
  currency: data.ticket.currency,
  version: data.version,
  expiresAt: new Date(data.expiresAt),
});

/** Version 0 creates the replica row; a repeated creation changes nothing. */
export async function addOrders(tx: Executor, created: OrderCreated[]): Promise<void> {
  await ordersRepository.insertIfAbsent(tx, created.map(toRow));
}

/**
 * The order closed (by the buyer or by expiry). If a payment crossed the cancellation and succeeded
 * first, its refund is queued in this same transaction; the refund worker talks to Stripe after commit.
 */
export async function cancelOrder(tx: Executor, data: OrderCancelled): Promise<void> {
  const order = await ordersRepository.lock(tx, data.id);
  if (nextVersionDecision(order?.version, data.version, `order ${data.id}`) === 'stale') return;
  // Complete is final: a paid, completed order is never cancelled (or refunded) by a late message.
  const status = order!.status === 'complete' ? 'complete' : 'cancelled';
  await ordersRepository.update(tx, data.id, { status, version: data.version });
  if (status !== 'cancelled') return;
  const paid = await paymentsRepository.findActiveForOrder(tx, data.id);
  if (paid?.status === 'succeeded')
    await paymentsRepository.markRefundPending(tx, paid.id, 'order_cancelled');
}

/** Each completion applies on top of its predecessor (a gap waits: RetryLaterError); stale ones are skipped. */
export async function completeOrders(tx: Executor, completed: OrderCompleted[]): Promise<void> {
  const stored = await ordersRepository.lockVersions(
    tx,
    completed.map((order) => order.id),
  );
  await ordersRepository.completeMany(tx, latestInVersionOrder(completed, stored, 'order'));
}
