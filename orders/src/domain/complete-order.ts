import { orderCompleted, outbox, type Executor } from '@ticketing/common';
import { orders } from '../data/orders.repository';
import { completed } from './order';

/**
 * A payment went through: the open order becomes complete. A payment for an order already cancelled
 * changes nothing here, payments refunds it; a second payment for a complete order is payments' to settle.
 */
export async function completeOrder(tx: Executor, orderId: string): Promise<void> {
  const order = await orders.lockById(tx, orderId);
  if (!order) throw new Error(`order ${orderId} is unknown`);
  if (order.status !== 'created') return;
  const saved = await orders.save(tx, completed(order, new Date()));
  await outbox.add(tx, orderCompleted, {
    id: saved.id,
    version: saved.version,
    userId: saved.userId,
    ticket: { id: saved.ticketId },
  });
}
