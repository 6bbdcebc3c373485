import {
  ConflictError,
  defineError,
  ForbiddenError,
  type CancellationReason,
  type OrderCompleted,
  type OrderStatus,
} from '@ticketing/common';
import type { OrderRow } from '../data/schema';

export type Order = OrderRow;

export class OrderNotCancellableError extends defineError(ConflictError, { code: 'order_not_cancellable' }) {}

export class NotYourOrderError extends defineError(ForbiddenError, {
  code: 'not_your_order',
  message: 'This order belongs to someone else',
}) {}

/** The listing offers no cancellation (its window is 0 hours, or the order predates windows). */
export class CancellationNotOfferedError extends defineError(ConflictError, {
  code: 'cancellation_not_offered',
}) {}

export class CancellationWindowClosedError extends defineError(ConflictError, {
  code: 'cancellation_window_closed',
}) {}

/** Someone was admitted with this order's e-ticket: the seat was used, so it is not refunded. */
export class EticketUsedError extends defineError(ConflictError, {
  code: 'eticket_used',
  message: 'An e-ticket of this order was already used at the entrance',
}) {}

/** Created is the only open state: complete and cancelled are final. */
const allowed: Record<OrderStatus, readonly OrderStatus[]> = {
  created: ['complete', 'cancelled'],
  complete: [],
  cancelled: [],
};

export const canMoveTo = (from: OrderStatus, to: OrderStatus): boolean => allowed[from].includes(to);

/** What order.completed and order.cancelled say of an order: the buyer, the tickets held, the version. */
export const toOrderEvent = (order: Order): OrderCompleted => ({
  id: order.id,
  version: order.version,
  userId: order.userId,
  ticket: { id: order.ticketId },
  quantity: order.quantity,
});

export const isOwnedBy = (order: Pick<Order, 'userId'>, userId: string): boolean => order.userId === userId;

export function assertCancellable(order: Pick<Order, 'status'>): void {
  if (canMoveTo(order.status, 'cancelled')) return;
  throw new OrderNotCancellableError(
    order.status === 'complete' ? 'The order is already paid' : 'The order is already cancelled',
  );
}

/**
 * A paid order may be cancelled by its buyer (and refunded) only before the deadline fixed at reservation
 * from its listing's window: the one exception to "complete is final".
 */
export function assertBuyerCancellable(order: Pick<Order, 'status' | 'cancellableUntil'>, now: Date): void {
  if (order.status !== 'complete') {
    throw new OrderNotCancellableError(
      order.status === 'created' ? 'The order is not paid' : 'The order is already cancelled',
    );
  }
  if (!order.cancellableUntil) {
    throw new CancellationNotOfferedError('The seller does not offer cancellation for this ticket');
  }
  if (now.getTime() >= order.cancellableUntil.getTime()) {
    throw new CancellationWindowClosedError(
      `Cancellation was possible until ${order.cancellableUntil.toISOString()}`,
    );
  }
}

/** The next state of an order: every change bumps the version that its event carries. */
export function cancelled(order: Order, reason: CancellationReason, now: Date): Order {
  if (reason === 'buyer_cancelled') assertBuyerCancellable(order, now);
  else assertCancellable(order);
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
  return { ...order, status: 'complete', paymentId, paidAt: now, version: order.version + 1, updatedAt: now };
}
