import { randomUUID } from 'node:crypto';
import {
  assertCancellable,
  canMoveTo,
  cancelled,
  completed,
  OrderNotCancellableError,
  type Order,
} from '../src/domain/order';

const anOrder = (overrides: Partial<Order> = {}): Order => ({
  id: randomUUID(),
  userId: randomUUID(),
  ticketId: randomUUID(),
  status: 'created',
  quantity: 1,
  expiresAt: new Date(),
  priceCents: 1_000,
  currency: 'usd',
  cancellationReason: null,
  paymentId: null,
  cancellableUntil: null,
  refundedAt: null,
  serviceFeeCents: 100,
  sellerFeeCents: 50,
  totalCents: 1_100,
  paidAt: null,
  reservationConfirmedAt: null,
  version: 0,
  createdAt: new Date(),
  updatedAt: new Date(),
  ...overrides,
});

describe('order status rules', () => {
  test('when an order is created, then it may become complete or cancelled', () => {
    expect(canMoveTo('created', 'complete')).toBe(true);
    expect(canMoveTo('created', 'cancelled')).toBe(true);
  });

  test.each(['complete', 'cancelled'] as const)(
    'when an order is %s, then it can never change again',
    (from) => {
      for (const to of ['created', 'complete', 'cancelled'] as const) expect(canMoveTo(from, to)).toBe(false);
    },
  );

  test('when an open order is cancelled, then it records the reason and bumps the version', () => {
    const now = new Date();
    const next = cancelled(anOrder({ version: 0 }), 'expired', now);
    expect(next).toMatchObject({
      status: 'cancelled',
      cancellationReason: 'expired',
      version: 1,
      updatedAt: now,
    });
  });

  test('when a paid order is cancelled, then it refuses as a conflict naming the payment', () => {
    expect(() => assertCancellable(anOrder({ status: 'complete' }))).toThrow(OrderNotCancellableError);
    expect(() => cancelled(anOrder({ status: 'complete' }), 'user', new Date())).toThrow('already paid');
  });

  test('when a cancelled order is completed, then it refuses', () => {
    expect(() => completed(anOrder({ status: 'cancelled' }), randomUUID(), new Date())).toThrow('cancelled');
    expect(completed(anOrder({ version: 3 }), randomUUID(), new Date())).toMatchObject({
      status: 'complete',
      version: 4,
    });
  });
});
