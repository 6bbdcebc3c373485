import type { Executor } from '@ticketing/common';
import { ordersRepository } from '../data/orders.repository';
import { recordCancellation } from './cancel-order';
import { canMoveTo } from './order';

/** The reservation window is over: an unpaid order is cancelled; a paid or cancelled one stays as it is. */
export async function expireOrder(tx: Executor, orderId: string): Promise<void> {
  const order = await ordersRepository.lockById(tx, orderId);
  // Expiration only hears of orders we published, so a missing one is a fault worth a dead letter.
  if (!order) throw new Error(`order ${orderId} is unknown`);
  if (!canMoveTo(order.status, 'cancelled')) return;
  await recordCancellation(tx, order, 'expired');
}
