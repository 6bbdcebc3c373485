import { ForbiddenError, NotFoundError } from '@ticketing/common';
import type { OrderReplicaRow } from '../data/order-replica.repository';
import { AlreadyPaidError, OrderNotPayableError } from './errors';

/** Only the buyer may pay, and only an order that is still open and not past its reservation. */
export function assertPayableBy(
  order: OrderReplicaRow | undefined,
  userId: string,
  now = new Date(),
): asserts order is OrderReplicaRow {
  if (!order) throw new NotFoundError('Order not found');
  if (order.userId !== userId) throw new ForbiddenError('This order belongs to another user');
  if (order.status === 'complete') throw new AlreadyPaidError();
  if (order.status === 'cancelled') throw new OrderNotPayableError('This order was cancelled or has expired');
  if (order.expiresAt <= now) throw new OrderNotPayableError('This order has expired');
}
