import { ForbiddenError, NotFoundError } from '@ticketing/common';
import type { OrderRow } from '../data/orders.repository';
import { AlreadyPaidError, OrderNotPayableError } from './errors';

/** Only the buyer may pay, and only an order that is still open and not past its reservation. */
export function assertPayableBy(
  order: OrderRow | undefined,
  userId: string,
  now = new Date(),
): asserts order is OrderRow {
  if (!order) throw new NotFoundError('Order not found');
  if (order.userId !== userId) throw new ForbiddenError('This order belongs to another user');
  if (order.status === 'complete') throw new AlreadyPaidError();
  if (order.status === 'cancelled') throw new OrderNotPayableError('This order was cancelled or has expired');
  if (order.expiresAt <= now) throw new OrderNotPayableError('This order has expired');
}
