import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import request from 'supertest';
import type Stripe from 'stripe';
import {
  orderCancelled,
  orderCreated,
  outboxTable,
  paymentCreated,
  paymentRefunded,
} from '@ticketing/common';
import { eventHandled, forThisFile, waitFor } from '@ticketing/common/testing';
import { stripeEvents } from '../src/data/schema';
import { onOrderCancelled } from '../src/events/order-cancelled.consumer';
import {
  cancellationOf,
  chargeAtStripe,
  orderData,
  paymentsOf,
  seedOrder,
  startPayments,
  stripeEventsOf,
  WEBHOOK_SECRET,
} from './factories';

const h = forThisFile(startPayments);

const succeededEventOf = (intent: Stripe.PaymentIntent) =>
  waitFor(() => stripeEventsOf(h, 'payment_intent.succeeded', intent.id)[0]);

const acceptedDeliveries = (eventId: string) =>
  h.emulator.events.deliveries(eventId).filter((d) => d.status === 200);

const postWebhook = (payload: string, signature?: string) => {
  const req = request(h.service.app).post('/api/payments/webhook').set('Content-Type', 'application/json');
  return (signature ? req.set('Stripe-Signature', signature) : req).send(payload);
};

const publishedCreatedFor = async (orderId: string) =>
  (
    await h.service.database.db
      .select()
      .from(outboxTable)
      .where(eq(outboxTable.subject, paymentCreated.subject))
  )
    .map((row) => row.envelope as { data: { orderId: string } })
    .filter((envelope) => envelope.data.orderId === orderId);

describe('POST /api/payments/webhook', () => {
  test('when only the webhook reports a success, then the payment is recorded and payment.created published', async () => {
    const { order } = await seedOrder(h);

    const intent = await chargeAtStripe(h, order);

    const [payment] = await waitFor(async () => {
      const rows = await paymentsOf(h, order.id);
      return rows.length > 0 ? rows : undefined;
    });
    expect(payment).toMatchObject({ providerPaymentId: intent.id, amountCents: 2_500, status: 'succeeded' });
    await waitFor(() => h.service.recorder!.of(paymentCreated).find((e) => e.data.orderId === order.id));
  });

  test('when Stripe delivers the same event twice, then one payment and one payment.created', async () => {
    const { order } = await seedOrder(h);
    const intent = await chargeAtStripe(h, order);
    const event = await succeededEventOf(intent);
    await waitFor(() => acceptedDeliveries(event.id).length === 1);

    expect(h.emulator.events.resend(event.id)).toBe(true);

    await waitFor(() => acceptedDeliveries(event.id).length === 2);
    expect(await paymentsOf(h, order.id)).toHaveLength(1);
    expect(await publishedCreatedFor(order.id)).toHaveLength(1);
    const recorded = await h.service.database.db
      .select()
      .from(stripeEvents)
      .where(eq(stripeEvents.id, event.id));
    expect(recorded).toHaveLength(1);
  });

  test('when the same signed payload is posted twice, then the second is acknowledged as a duplicate', async () => {
    const { order } = await seedOrder(h);
    const intent = await chargeAtStripe(h, order);
    const event = await succeededEventOf(intent);
    const payload = JSON.stringify(event);
    const sign = () => h.stripe.webhooks.generateTestHeaderString({ payload, secret: WEBHOOK_SECRET });
    await waitFor(() => acceptedDeliveries(event.id).length === 1);

    const replay = await postWebhook(payload, sign());

    expect(replay.status).toBe(200);
    expect(replay.body).toEqual({ received: true, outcome: 'duplicate' });
    expect(await paymentsOf(h, order.id)).toHaveLength(1);
  });

  test('when the signature is forged, missing or the body altered, then 400 and nothing is recorded', async () => {
    const { order } = await seedOrder(h);
    const intentId = `pi_forged_${randomUUID().slice(0, 8)}`;
    const eventId = `evt_forged_${randomUUID().slice(0, 8)}`;
    const payload = JSON.stringify({
      id: eventId,
      object: 'event',
      type: 'payment_intent.succeeded',
      data: {
        object: {
          id: intentId,
          object: 'payment_intent',
          amount: 2_500,
          currency: 'usd',
          metadata: { order_id: order.id },
        },
      },
    });
    const forged = h.stripe.webhooks.generateTestHeaderString({ payload, secret: 'whsec_not_our_secret' });
    const genuine = h.stripe.webhooks.generateTestHeaderString({ payload, secret: WEBHOOK_SECRET });

    const answers = [
      await postWebhook(payload, forged),
      await postWebhook(payload),
      await postWebhook(payload.replace('2500', '1'), genuine),
    ];

    for (const res of answers) {
      expect(res.status).toBe(400);
      expect(res.body.errors[0].code).toBe('invalid_signature');
    }
    expect(await paymentsOf(h, order.id)).toHaveLength(0);
    expect(
      await h.service.database.db.select().from(stripeEvents).where(eq(stripeEvents.id, eventId)),
    ).toEqual([]);
  });

  test('when the success arrives before the order is replicated, then 503 until it is, and the retry records it', async () => {
    const order = orderData();
    const intent = await chargeAtStripe(h, order);
    const event = await succeededEventOf(intent);
    await waitFor(() => h.emulator.events.deliveries(event.id).some((d) => d.status === 503));
    expect(await paymentsOf(h, order.id)).toHaveLength(0);

    await h.service.bus.publish(orderCreated, order);

    await waitFor(async () => (await paymentsOf(h, order.id)).length === 1);
    await waitFor(() => acceptedDeliveries(event.id).length === 1);
  });

  test('when a success arrives for an order already cancelled, then it is refunded and payment.refunded published', async () => {
    const { order } = await seedOrder(h);
    const cancelled = await h.service.bus.publish(orderCancelled, cancellationOf(order, 'user'));
    await eventHandled(h.service, onOrderCancelled, cancelled);

    const intent = await chargeAtStripe(h, order);

    const refunded = await waitFor(() =>
      h.service.recorder!.of(paymentRefunded).find((e) => e.data.orderId === order.id),
    );
    expect(refunded.data).toMatchObject({ amountCents: 2_500, currency: 'usd', reason: 'order_cancelled' });
    const [payment] = await paymentsOf(h, order.id);
    expect(payment).toMatchObject({ status: 'refunded', providerPaymentId: intent.id });
    expect(stripeEventsOf(h, 'refund.created', payment!.providerRefundId!)).toHaveLength(1);
    expect(h.service.recorder!.of(paymentCreated).some((e) => e.data.orderId === order.id)).toBe(false);
  });

  test("when a success carries another amount than the order's price, then it never pays the order and is refunded", async () => {
    const { order } = await seedOrder(h);

    const intent = await chargeAtStripe(h, order, { amount: 100 });

    const refunded = await waitFor(() =>
      h.service.recorder!.of(paymentRefunded).find((e) => e.data.orderId === order.id),
    );
    expect(refunded.data).toMatchObject({ amountCents: 100, reason: 'amount_mismatch' });
    expect(await paymentsOf(h, order.id)).toEqual([
      expect.objectContaining({ providerPaymentId: intent.id, status: 'refunded' }),
    ]);
    expect(h.service.recorder!.of(paymentCreated).some((e) => e.data.orderId === order.id)).toBe(false);
  });
});
