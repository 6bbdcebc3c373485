import {
  nextVersionDecision,
  type Executor,
  type OrderCancelled,
  type OrderCompleted,
  type OrderCreated,
} from '@ticketing/common';
import { ordersRepository } from '../data/orders.repository';
import { paymentsRepository } from '../data/payments.repository';

/** Version 0 creates the replica row; a repeated creation changes nothing. */
export async function addOrder(tx: Executor, data: OrderCreated): Promise<void> {
  await ordersRepository.insertIfAbsent(tx, {
    id: data.id,
    userId: data.userId,
    ticketId: data.ticket.id,
    status: data.status,
    priceCents: data.ticket.priceCents,
    // An order.created from before fees: no fee, the price is the total.
    totalCents: data.totalCents ?? data.ticket.priceCents,
    serviceFeeCents: data.serviceFeeCents ?? 0,
    sellerFeeCents: data.sellerFeeCents ?? 0,
    sellerId: data.ticket.sellerId ?? null,
    eventDate: data.ticket.eventDate ? new Date(data.ticket.eventDate) : null,
    currency: data.ticket.currency,
    version: data.version,
    expiresAt: new Date(data.expiresAt),
  });
}

/**
 * The order closed (by the buyer or by expiry). If a payment crossed the cancellation and succeeded
 * first, or the buyer cancelled the paid order within its window (`buyer_cancelled`), its refund is
 * queued in this same transaction; the refund worker talks to Stripe after commit.
 */
export async function cancelOrder(tx: Executor, data: OrderCancelled): Promise<void> {
  const order = await ordersRepository.lock(tx, data.id);
  if (nextVersionDecision(order?.version, data.version, `order ${data.id}`) === 'stale') return;
  // Complete is final, except for the buyer's own cancellation (orders checked its window): no other
  // late message cancels (or refunds) a paid, completed order.
  const byBuyer = data.reason === 'buyer_cancelled';
  const status = order!.status === 'complete' && !byBuyer ? 'complete' : 'cancelled';
  await ordersRepository.update(tx, data.id, { status, version: data.version });
  if (status !== 'cancelled') return;
  const paid = await paymentsRepository.findActiveForOrder(tx, data.id);
  if (paid?.status === 'succeeded')
    await paymentsRepository.markRefundPending(tx, paid.id, byBuyer ? 'buyer_cancelled' : 'order_cancelled');
}

export async function completeOrder(tx: Executor, data: OrderCompleted): Promise<void> {
  const order = await ordersRepository.lock(tx, data.id);
  if (nextVersionDecision(order?.version, data.version, `order ${data.id}`) === 'stale') return;
  await ordersRepository.update(tx, data.id, { status: 'complete', version: data.version });
}
