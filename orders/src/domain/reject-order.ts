import type { Executor } from '@ticketing/common';
import { ordersRepository } from '../data/orders.repository';
import { recordCancellation } from './cancel-order';

/**
 * Tickets refused the reservation (the listing was withdrawn, taken or changed): the listing wins, the
 * order is cancelled with reason `rejected`, which the buyer sees; payments refunds any charge for it.
 * An order never completes before tickets confirmed its reservation (completeOrder waits), so an open
 * or already cancelled order are the only cases.
 */
export async function rejectOrder(tx: Executor, orderId: string): Promise<void> {
  const order = await ordersRepository.lockById(tx, orderId);
  if (!order) throw new Error(`order ${orderId} is unknown`);
  if (order.status !== 'created') return;
  await recordCancellation(tx, order, 'rejected');
}
