import { randomUUID } from 'node:crypto';
import { orderCancelled, orderCompleted, paymentCreated, paymentRefunded } from '@ticketing/common';
import { eventHandled, forThisFile, waitFor, type SignedIn } from '@ticketing/common/testing';
import type { OrderCreated } from '@ticketing/common';
import { refundIdempotencyKey } from '../src/domain/refund-payment';
import { onOrderCancelled } from '../src/events/order-cancelled.consumer';
import { onOrderCompleted } from '../src/events/order-completed.consumer';
import {
  chargeAtStripe,
  pay,
  paymentsOf,
  replicaOf,
  seedOrder,
  startPayments,
  stripeEventsOf,
  type OrdersVerdict,
} from './factories';

const h = forThisFile(startPayments);

/** A charged order; `verdict` is what orders then decides (cancel: the expiry won the race). */
async function paidOrder(verdict: OrdersVerdict = 'complete') {
  const { order, buyer } = await seedOrder(h);
  h.ordersVerdict.set(order.id, verdict);
  const res = await pay(h, buyer, { orderId: order.id, paymentMethodId: 'pm_card_visa' });
  expect(res.status).toBe({ complete: 201, cancel: 409, silent: 202 }[verdict]);
  const [payment] = await paymentsOf(h, order.id);
  return { order, buyer, payment: payment! };
}

const cancel = (
  order: OrderCreated,
  buyer: SignedIn,
  version = 1,
  reason: 'expired' | 'buyer_cancelled' = 'expired',
) =>
  h.service.bus.publish(orderCancelled, {
    id: order.id,
    version,
    userId: buyer.user.id,
    ticket: { id: order.ticket.id },
    reason,
  });

const complete = (order: OrderCreated, buyer: SignedIn) =>
  h.service.bus.publish(orderCompleted, {
    id: order.id,
    version: 1,
    userId: buyer.user.id,
    ticket: { id: order.ticket.id },
  });

const refundsAtStripe = (providerPaymentId: string) =>
  h.emulator.events
    .list()
    .filter(
      (e) =>
        e.type === 'refund.created' &&
        (e.data.object as { payment_intent: string }).payment_intent === providerPaymentId,
    );

const refundedEventFor = (orderId: string) =>
  waitFor(() => h.service.recorder!.of(paymentRefunded).find((e) => e.data.orderId === orderId));

describe('refunds', () => {
  test('when a charge succeeds but orders decides the expiry won, then the buyer gets 409, and it is refunded once and payment.refunded published', async () => {
    const { order, payment } = await paidOrder('cancel');

    const refunded = await refundedEventFor(order.id);
    expect(refunded.data).toEqual({
      id: payment.id,
      orderId: order.id,
      amountCents: order.ticket.priceCents,
      currency: order.ticket.currency,
      reason: 'order_cancelled',
    });
    const [row] = await paymentsOf(h, order.id);
    expect(row).toMatchObject({ status: 'refunded', providerRefundId: expect.stringMatching(/^re_/) });
    const refunds = h.emulator.events.list().filter((e) => e.type === 'refund.created');
    expect(
      refunds.filter(
        (e) => (e.data.object as { payment_intent: string }).payment_intent === payment.providerPaymentId,
      ),
    ).toHaveLength(1);
    expect((await replicaOf(h, order.id))?.status).toBe('cancelled');
  });

  test('when the order completed, then a late order.cancelled never refunds its payment', async () => {
    const { order, buyer, payment } = await paidOrder();
    await h.service.bus.publish(orderCompleted, {
      id: order.id,
      version: 1,
      userId: buyer.user.id,
      ticket: { id: order.ticket.id },
    });

    const late = await cancel(order, buyer, 2);
    await eventHandled(h.service, onOrderCancelled, late);

    const [row] = await paymentsOf(h, order.id);
    expect(row).toMatchObject({ id: payment.id, status: 'succeeded', providerRefundId: null });
    expect((await replicaOf(h, order.id))?.status).toBe('complete');
  });

  test('when the refund reached Stripe but its recording was lost (a crash), then the retry reuses that refund', async () => {
    const { order, buyer, payment } = await paidOrder('silent');
    // What the crashed attempt had sent: same key and parameters as the worker's.
    const earlier = await h.stripe.refunds.create(
      {
        payment_intent: payment.providerPaymentId,
        reason: 'requested_by_customer',
        metadata: { order_id: order.id, payment_id: payment.id },
      },
      { idempotencyKey: refundIdempotencyKey(payment.providerPaymentId) },
    );

    await cancel(order, buyer);

    await refundedEventFor(order.id);
    const [row] = await paymentsOf(h, order.id);
    expect(row).toMatchObject({ status: 'refunded', providerRefundId: earlier.id });
    expect(stripeEventsOf(h, 'refund.created', earlier.id)).toHaveLength(1);
    const refunds = h.emulator.events.list().filter((e) => e.type === 'refund.created');
    expect(
      refunds.filter(
        (e) => (e.data.object as { payment_intent: string }).payment_intent === payment.providerPaymentId,
      ),
    ).toHaveLength(1);
  });

  test('when a second card is charged for an already paid order, then that charge is refunded as a duplicate and the first stays', async () => {
    const { order, payment } = await paidOrder();

    // Another tab whose request raced ours: Stripe charged, only the webhook tells payments.
    const second = await chargeAtStripe(h, order, { paymentMethod: 'pm_card_mastercard' });

    const refunded = await refundedEventFor(order.id);
    expect(refunded.data).toMatchObject({ reason: 'duplicate' });
    const rows = await paymentsOf(h, order.id);
    expect(rows.find((r) => r.id === payment.id)).toMatchObject({ status: 'succeeded' });
    expect(rows.find((r) => r.providerPaymentId === second.id)).toMatchObject({ status: 'refunded' });
    expect(h.service.recorder!.of(paymentCreated).filter((e) => e.data.orderId === order.id)).toHaveLength(1);
  });

  test('when the buyer cancels the paid order (buyer_cancelled) and the event is delivered twice, then the charge is refunded once', async () => {
    const { order, buyer, payment } = await paidOrder();
    const completed = await complete(order, buyer);
    await eventHandled(h.service, onOrderCompleted, completed);

    const cancellation = await cancel(order, buyer, 2, 'buyer_cancelled');
    // The very same envelope again under a new Nats-Msg-Id, as a redelivery after the duplicate window.
    await h.service.bus.publishRaw(orderCancelled.subject, randomUUID(), JSON.stringify(cancellation));
    await eventHandled(h.service, onOrderCancelled, cancellation);

    const refunded = await refundedEventFor(order.id);
    expect(refunded.data).toMatchObject({ id: payment.id, reason: 'buyer_cancelled' });
    const [row] = await paymentsOf(h, order.id);
    expect(row).toMatchObject({ status: 'refunded', refundReason: 'buyer_cancelled' });
    expect((await replicaOf(h, order.id))?.status).toBe('cancelled');
    expect(refundsAtStripe(payment.providerPaymentId)).toHaveLength(1);
    expect(h.service.recorder!.of(paymentRefunded).filter((e) => e.data.orderId === order.id)).toHaveLength(
      1,
    );
  });
});
