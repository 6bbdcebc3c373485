import { randomUUID } from 'node:crypto';
import { orderCreated } from '@ticketing/common';
import { forThisFile, signIn, waitFor } from '@ticketing/common/testing';
import { intentsFor, orderData, pay, pricedAt, replicaOf, seedOrder, startPayments } from './factories';

const h = forThisFile(() =>
  startPayments({
    PAYMENT_RATE_POINTS_PER_USER: '3',
    PAYMENT_RATE_POINTS_PER_CARD: '4',
    RATE_LIMIT_PREFIX: `payments-limits-${randomUUID()}`,
  }),
);

describe('amounts the provider refuses', () => {
  test("when the order asks less than the currency's smallest charge, then 400 amount_not_chargeable and Stripe is not asked", async () => {
    const { order, buyer } = await seedOrder(h, pricedAt(10, 'usd'));
    const res = await pay(h, buyer, { orderId: order.id, paymentMethodId: 'pm_card_visa' });
    expect(res.status).toBe(400);
    expect(res.body.errors[0]).toMatchObject({
      code: 'amount_not_chargeable',
      message: expect.stringContaining('USD 0.50'),
    });
    expect(intentsFor(h, order.id)).toHaveLength(0);
  });
});

describe('payment rate limits', () => {
  test('when one buyer keeps trying cards, then the fourth attempt in the window is 429 and Stripe is not asked', async () => {
    const { order, buyer } = await seedOrder(h);
    const declined = 'pm_card_chargeDeclinedInsufficientFunds';
    for (let i = 0; i < 3; i++) {
      expect((await pay(h, buyer, { orderId: order.id, paymentMethodId: declined })).status).toBe(402);
    }
    const limited = await pay(h, buyer, { orderId: order.id, paymentMethodId: 'pm_card_visa' });
    expect(limited.status).toBe(429);
    expect(limited.body.errors[0].code).toBe('rate_limited');
    expect(limited.headers['retry-after']).toBeDefined();
  });

  test('when one card is tried from many accounts, then it is limited by its fingerprint, whatever PaymentMethod carries it', async () => {
    const card = 'pm_card_chargeDeclinedStolenCard';
    const answers = [];
    for (let i = 0; i < 5; i++) {
      const { order, buyer } = await seedOrder(h);
      answers.push((await pay(h, buyer, { orderId: order.id, paymentMethodId: card })).status);
    }
    expect(answers).toEqual([402, 402, 402, 402, 429]);
  });

  test('when a buyer asks to pay before payments has learned of the order, then those 404s cost no attempt and the payment goes through once it has', async () => {
    const buyer = signIn();
    const order = orderData({ userId: buyer.user.id });
    for (let i = 0; i < 5; i++) {
      const early = await pay(h, buyer, { orderId: order.id, paymentMethodId: 'pm_card_visa' });
      expect(early.status).toBe(404);
    }
    await h.service.bus.publish(orderCreated, order);
    await waitFor(() => replicaOf(h, order.id));
    expect((await pay(h, buyer, { orderId: order.id, paymentMethodId: 'pm_card_visa' })).status).toBe(201);
  });
});
