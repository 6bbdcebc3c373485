import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { orderCancelled, orderCompleted, paymentCreated } from '@ticketing/common';
import { eventHandled, forThisFile, invalidFields, signIn, waitFor } from '@ticketing/common/testing';
import { onOrderCancelled } from '../src/events/order-cancelled.consumer';
import {
  cancellationOf,
  intentsFor,
  pay,
  pricedAt,
  paymentsOf,
  replicaOf,
  seedOrder,
  startPayments,
} from './factories';

const h = forThisFile(startPayments);

describe('POST /api/payments', () => {
  test('when the buyer pays an open order, then 201, one payment row, payment.created published, and order.completed completes the replica', async () => {
    const { order, buyer } = await seedOrder(h, pricedAt(4_200, 'eur'));

    const res = await pay(h, buyer, { orderId: order.id, paymentMethodId: 'pm_card_visa' });

    expect(res.status).toBe(201);
    expect(res.body).toEqual({ id: expect.any(String), status: 'succeeded' });
    const [payment, ...others] = await paymentsOf(h, order.id);
    expect(others).toHaveLength(0);
    expect(payment).toMatchObject({
      id: res.body.id,
      amountCents: 4_200,
      currency: 'eur',
      status: 'succeeded',
    });
    const published = await waitFor(() =>
      h.service.recorder!.of(paymentCreated).find((e) => e.data.orderId === order.id),
    );
    expect(published.data).toEqual({
      id: res.body.id,
      orderId: order.id,
      amountCents: 4_200,
      currency: 'eur',
      provider: 'stripe',
      providerPaymentId: payment!.providerPaymentId,
      paidAt: payment!.createdAt.toISOString(),
    });

    await h.service.bus.publish(orderCompleted, {
      id: order.id,
      version: 1,
      userId: buyer.user.id,
      ticket: { id: order.ticket.id },
    });
    await waitFor(async () => (await replicaOf(h, order.id))?.status === 'complete');
    expect(await replicaOf(h, order.id)).toMatchObject({ status: 'complete', version: 1 });
  });

  test('when the client sends an amount, then Stripe is asked for the order price and nothing else', async () => {
    const { order, buyer } = await seedOrder(h, pricedAt(9_999, 'usd'));

    const res = await pay(h, buyer, {
      orderId: order.id,
      paymentMethodId: 'pm_card_visa',
      amount: 50,
      amountCents: 50,
      currency: 'jpy',
    });

    expect(res.status).toBe(201);
    const [intent] = intentsFor(h, order.id);
    const charged = await h.stripe.paymentIntents.retrieve(intent!.id);
    expect(charged).toMatchObject({
      amount: 9_999,
      amount_received: 9_999,
      currency: 'usd',
      status: 'succeeded',
    });
  });

  test('when the order takes 3 tickets, then Stripe charges 3 times the ticket price, and payment.created says so', async () => {
    const { order, buyer } = await seedOrder(h, { quantity: 3, ...pricedAt(2_150, 'gbp') });

    const res = await pay(h, buyer, { orderId: order.id, paymentMethodId: 'pm_card_visa' });

    expect(res.status).toBe(201);
    const [intent] = intentsFor(h, order.id);
    expect(await h.stripe.paymentIntents.retrieve(intent!.id)).toMatchObject({
      amount: 6_450,
      amount_received: 6_450,
      currency: 'gbp',
    });
    const published = await waitFor(() =>
      h.service.recorder!.of(paymentCreated).find((e) => e.data.orderId === order.id),
    );
    expect(published.data).toMatchObject({ amountCents: 6_450, currency: 'gbp' });
  });

  test('when the same payment request is sent twice, then one PaymentIntent, one payment, and the second answer is 409 already_paid', async () => {
    const { order, buyer } = await seedOrder(h);
    const body = { orderId: order.id, paymentMethodId: 'pm_card_visa' };

    const first = await pay(h, buyer, body);
    const second = await pay(h, buyer, body);

    expect(first.status).toBe(201);
    expect(second.status).toBe(409);
    expect(second.body.errors[0].code).toBe('already_paid');
    expect(intentsFor(h, order.id)).toHaveLength(1);
    expect(await paymentsOf(h, order.id)).toHaveLength(1);
  });

  test('when the same payment request arrives twice at once, then the idempotency key yields one PaymentIntent and one payment', async () => {
    const { order, buyer } = await seedOrder(h);
    const body = { orderId: order.id, paymentMethodId: 'pm_card_visa' };

    const answers = await Promise.all([pay(h, buyer, body), pay(h, buyer, body)]);

    const created = answers.filter((r) => r.status === 201);
    expect(created.length).toBeGreaterThanOrEqual(1);
    expect(answers.every((r) => r.status === 201 || r.status === 409)).toBe(true);
    expect(new Set(created.map((r) => r.body.id)).size).toBe(1);
    expect(intentsFor(h, order.id)).toHaveLength(1);
    const rows = await paymentsOf(h, order.id);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.id).toBe(created[0]!.body.id);
  });

  test('when 10 payments with different cards arrive at once, then one charge is made and the others get 409 payment_in_progress or already_paid', async () => {
    const { order, buyer } = await seedOrder(h);
    const cards = ['pm_card_visa', 'pm_card_mastercard', 'pm_card_amex', 'pm_card_visa_debit'];

    const answers = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        pay(h, buyer, { orderId: order.id, paymentMethodId: cards[i % 4] }),
      ),
    );

    expect(answers.filter((r) => r.status === 201)).toHaveLength(1);
    const refused = answers
      .filter((r) => r.status !== 201)
      .map((r) => `${r.status} ${r.body.errors[0].code}`);
    expect(refused.every((r) => r === '409 payment_in_progress' || r === '409 already_paid')).toBe(true);
    expect(refused).toContain('409 payment_in_progress');
    expect(intentsFor(h, order.id)).toHaveLength(1);
    expect(await paymentsOf(h, order.id)).toHaveLength(1);
  });

  test("when the card is declined, then 402 card_declined with Stripe's message and the order can still be paid with another card", async () => {
    const { order, buyer } = await seedOrder(h);

    const declined = await pay(h, buyer, { orderId: order.id, paymentMethodId: 'pm_card_chargeDeclined' });

    expect(declined.status).toBe(402);
    expect(declined.body).toEqual({
      errors: [{ code: 'card_declined', message: 'Your card was declined.' }],
    });
    expect(await paymentsOf(h, order.id)).toHaveLength(0);
    expect((await replicaOf(h, order.id))?.status).toBe('created');

    const retried = await pay(h, buyer, { orderId: order.id, paymentMethodId: 'pm_card_visa' });

    expect(retried.status).toBe(201);
    expect(await paymentsOf(h, order.id)).toHaveLength(1);
  });

  test('when the order has expired (order.cancelled arrived), then 409 and Stripe is never called', async () => {
    const { order, buyer } = await seedOrder(h);
    const cancelled = await h.service.bus.publish(orderCancelled, cancellationOf(order, 'expired'));
    await eventHandled(h.service, onOrderCancelled, cancelled);

    const res = await pay(h, buyer, { orderId: order.id, paymentMethodId: 'pm_card_visa' });

    expect(res.status).toBe(409);
    expect(res.body.errors[0]).toMatchObject({ code: 'order_not_payable' });
    expect(intentsFor(h, order.id)).toHaveLength(0);
  });

  test('when the reservation time is over but no cancellation arrived yet, then 409 without a charge', async () => {
    const { order, buyer } = await seedOrder(h, { expiresAt: new Date(Date.now() - 1_000).toISOString() });

    const res = await pay(h, buyer, { orderId: order.id, paymentMethodId: 'pm_card_visa' });

    expect(res.status).toBe(409);
    expect(intentsFor(h, order.id)).toHaveLength(0);
  });

  test("when someone pays another user's order, then 403 and nothing is charged", async () => {
    const { order } = await seedOrder(h);

    const res = await pay(h, signIn(), { orderId: order.id, paymentMethodId: 'pm_card_visa' });

    expect(res.status).toBe(403);
    expect(res.body.errors[0].code).toBe('forbidden');
    expect(intentsFor(h, order.id)).toHaveLength(0);
  });

  test('when the order is unknown, then 404', async () => {
    const res = await pay(h, signIn(), { orderId: randomUUID(), paymentMethodId: 'pm_card_visa' });

    expect(res.status).toBe(404);
    expect(res.body.errors[0].code).toBe('not_found');
  });

  test('when the body is invalid, then 400 naming each bad field', async () => {
    const res = await pay(h, signIn(), { orderId: 'nope', paymentMethodId: 42 });

    expect(res.status).toBe(400);
    expect(invalidFields(res)).toEqual(['orderId', 'paymentMethodId']);
  });

  test('when the payment method does not exist at Stripe, then 400 on paymentMethodId', async () => {
    const { order, buyer } = await seedOrder(h);

    const res = await pay(h, buyer, { orderId: order.id, paymentMethodId: 'pm_does_not_exist' });

    expect(res.status).toBe(400);
    expect(res.body.errors[0]).toMatchObject({ code: 'invalid_payment_method', field: 'paymentMethodId' });
  });

  test('when nobody is signed in, then 401', async () => {
    const { order } = await seedOrder(h);
    const csrf = signIn().headers['x-csrf-token']!;

    const res = await request(h.service.app)
      .post('/api/payments')
      .set({ Cookie: `csrf_token=${csrf}`, 'x-csrf-token': csrf })
      .send({ orderId: order.id, paymentMethodId: 'pm_card_visa' });

    expect(res.status).toBe(401);
  });
});
