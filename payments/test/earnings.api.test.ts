import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { orderCancelled, priceBreakdown, type OrderCreated } from '@ticketing/common';
import { forThisFile, signIn, waitFor, type SignedIn } from '@ticketing/common/testing';
import { pay, paymentsOf, seedOrder, startPayments } from './factories';

const h = forThisFile(startPayments);

const RATES = { serviceFeePercent: 10, sellerFeePercent: 5 };
const days = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString();

/** A buyer pays an order for the seller's listing, priced as orders prices it (common's fee function). */
async function sale(seller: SignedIn, priceCents: number, currency: string, eventDate: string, quantity = 1) {
  const amounts = priceBreakdown(priceCents, RATES, quantity);
  const { order, buyer } = await seedOrder(h, {
    quantity,
    ticket: { id: randomUUID(), priceCents, currency, sellerId: seller.user.id, eventDate },
    serviceFeeCents: amounts.serviceFeeCents,
    sellerFeeCents: amounts.sellerFeeCents,
    totalCents: amounts.totalCents,
  });
  expect((await pay(h, buyer, { orderId: order.id, paymentMethodId: 'pm_card_visa' })).status).toBe(201);
  return { order, buyer };
}

const earningsOf = (who: SignedIn, query = '') =>
  request(h.service.app).get(`/api/payments/earnings${query}`).set('Cookie', who.cookie);

async function buyerCancels(order: OrderCreated, buyer: SignedIn) {
  await h.service.bus.publish(orderCancelled, {
    id: order.id,
    version: 2,
    userId: buyer.user.id,
    ticket: { id: order.ticket.id },
    reason: 'buyer_cancelled',
  });
  await waitFor(async () => (await paymentsOf(h, order.id))[0]?.status === 'refunded');
}

describe('GET /api/payments/earnings', () => {
  test('when orders carry a fee, then payments charges the total (price + service fee)', async () => {
    const { order } = await sale(signIn(), 5_000, 'usd', days(10));
    const [payment] = await paymentsOf(h, order.id);
    expect(payment).toMatchObject({ amountCents: 5_500, status: 'succeeded' });
  });

  test('when an order takes 3 tickets, then payments charges 3 × price + one service fee on that, and the sale counts 3 tickets', async () => {
    const seller = signIn();
    // 3 × 12.35 = 37.05: 10 % is 3.705 → 3.71 (one fee on the subtotal), 5 % is 1.8525 → 1.85.
    const { order } = await sale(seller, 1_235, 'usd', days(10), 3);
    const [payment] = await paymentsOf(h, order.id);
    expect(payment).toMatchObject({ amountCents: 4_076, status: 'succeeded' });
    const { body } = await earningsOf(seller).expect(200);
    expect(body.items).toEqual([
      expect.objectContaining({ quantity: 3, grossCents: 3_705, feeCents: 185, netCents: 3_520 }),
    ]);
    expect(body.totals).toEqual([
      { currency: 'usd', sold: 3, pendingCents: 3_520, paidOutCents: 0, refundedCents: 0 },
    ]);
  });

  test('when a seller has sold, then each sale shows gross, fee and net, and totals are per currency and state', async () => {
    const seller = signIn();
    const upcoming = await sale(seller, 10_000, 'usd', days(10));
    const past = await sale(seller, 4_999, 'usd', days(-1));
    const cancelled = await sale(seller, 8_000, 'usd', days(10));
    const euro = await sale(seller, 2_000, 'eur', days(20));
    await buyerCancels(cancelled.order, cancelled.buyer);

    const { body } = await earningsOf(seller).expect(200);
    const byOrder = new Map(body.items.map((s: { orderId: string }) => [s.orderId, s]));
    expect(byOrder.get(upcoming.order.id)).toMatchObject({
      grossCents: 10_000,
      feeCents: 500,
      netCents: 9_500,
      currency: 'usd',
      status: 'pending',
    });
    // 5 % of 49.99 is 2.4995: rounded half up to 2.50.
    expect(byOrder.get(past.order.id)).toMatchObject({ feeCents: 250, netCents: 4_749, status: 'paid_out' });
    expect(byOrder.get(cancelled.order.id)).toMatchObject({ status: 'refunded' });
    expect(byOrder.get(euro.order.id)).toMatchObject({ currency: 'eur', netCents: 1_900, status: 'pending' });
    expect(body.items.map((s: { orderId: string }) => s.orderId)).toEqual([
      euro.order.id,
      cancelled.order.id,
      past.order.id,
      upcoming.order.id,
    ]);
    expect(body.totals).toEqual([
      { currency: 'eur', sold: 1, pendingCents: 1_900, paidOutCents: 0, refundedCents: 0 },
      { currency: 'usd', sold: 2, pendingCents: 9_500, paidOutCents: 4_749, refundedCents: 8_000 },
    ]);
  });

  test('when the list is paged, then the cursor leads on and the totals still cover every sale', async () => {
    const seller = signIn();
    await sale(seller, 3_000, 'usd', days(5));
    await sale(seller, 3_000, 'usd', days(5));
    const first = await earningsOf(seller, '?limit=1').expect(200);
    expect(first.body.items).toHaveLength(1);
    expect(first.body.totals[0]).toMatchObject({ sold: 2, pendingCents: 5_700 });
    const second = await earningsOf(seller, `?limit=1&cursor=${first.body.nextCursor}`).expect(200);
    expect(second.body.items).toHaveLength(1);
    expect(second.body.items[0].orderId).not.toBe(first.body.items[0].orderId);
    await earningsOf(seller, '?cursor=nope').expect(400);
  });

  test('when someone who sold nothing asks, then the list is empty; when nobody is signed in, 401', async () => {
    await sale(signIn(), 3_000, 'usd', days(5));
    expect((await earningsOf(signIn()).expect(200)).body).toEqual({
      items: [],
      nextCursor: null,
      totals: [],
    });
    await request(h.service.app).get('/api/payments/earnings').expect(401);
  });
});
