import { ConflictError, ForbiddenError, type CancellationReason, type OrderStatus } from '@ticketing/common';
import type { OrderRow } from '../data/schema';

export type Order = OrderRow;

export class OrderNotCancellableError extends ConflictError {
  override readonly code = 'order_not_cancellable';
}

export class NotYourOrderError extends ForbiddenError {
  override readonly code = 'not_your_order';

  constructor() {
    super('This order belongs to someone else');
  }
}

/** Created is the only open state: complete and cancelled are final. */
const allowed: Record<OrderStatus, readonly OrderStatus[]> = {
  created: ['complete', 'cancelled'],
  complete: [],
  cancelled: [],
};

export const canMoveTo = (from: OrderStatus, to: OrderStatus): boolean => allowed[from].includes(to);

export const isOwnedBy = (order: Pick<Order, 'userId'>, userId: string): boolean => order.userId === userId;

export function assertCancellable(order: Pick<Order, 'status'>): void {
  if (canMoveTo(order.status, 'cancelled')) return;
  throw new OrderNotCancellableError(
    order.status === 'complete' ? 'The order is already paid' : 'The order is already cancelled',
  );
}

/** The next state of an order: every change bumps the version that its event carries. */
export function cancelled(order: Order, reason: CancellationReason, now: Date): Order {
  assertCancellable(order);
  return {
    ...order,
    status: 'cancelled',
    cancellationReason: reason,
    version: order.version + 1,
    updatedAt: now,
  };
}

export function completed(order: Order, paymentId: string, now: Date): Order {
  if (!canMoveTo(order.status, 'complete')) {
    throw new ConflictError(`An order that is ${order.status} cannot be completed`);
  }
  return { ...order, status: 'complete', paymentId, version: order.version + 1, updatedAt: now };
}
