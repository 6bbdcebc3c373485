import request from 'supertest';
import { signIn } from '@ticketing/common/testing';
import { pay, seedOrder, startPayments, type PaymentsHarness } from './factories';

let h: PaymentsHarness;

beforeAll(async () => {
  h = await startPayments();
});

afterAll(async () => {
  await h.close();
});

const list = (cookie: string, query = '') =>
  request(h.service.app).get(`/api/payments${query}`).set('Cookie', cookie);

describe('GET /api/payments', () => {
  test('when a buyer lists payments, then only their own come back, newest first, page by page', async () => {
    const buyer = signIn();
    const paid: string[] = [];
    for (let i = 0; i < 3; i++) {
      const { order } = await seedOrder(h, { userId: buyer.user.id });
      const res = await pay(h, buyer, { orderId: order.id, paymentMethodId: 'pm_card_visa' });
      paid.push(res.body.id);
    }
    const { order: theirs, buyer: someoneElse } = await seedOrder(h);
    await pay(h, someoneElse, { orderId: theirs.id, paymentMethodId: 'pm_card_visa' });

    const first = await list(buyer.cookie, '?limit=2');
    const second = await list(buyer.cookie, `?limit=2&cursor=${first.body.nextCursor}`);

    expect(first.status).toBe(200);
    expect(first.body.items.map((p: { id: string }) => p.id)).toEqual([paid[2], paid[1]]);
    expect(first.body.nextCursor).toEqual(expect.any(String));
    expect(second.body).toEqual({ items: [expect.objectContaining({ id: paid[0] })], nextCursor: null });
    expect(second.body.items[0]).toMatchObject({
      status: 'succeeded',
      amountCents: 2_500,
      currency: 'usd',
      provider: 'stripe',
    });
  });

  test('when the cursor is not one we issued, then 400', async () => {
    const res = await list(signIn().cookie, '?cursor=not-a-cursor');

    expect(res.status).toBe(400);
    expect(res.body.errors[0]).toMatchObject({ field: 'cursor' });
  });

  test('when nobody is signed in, then 401', async () => {
    const res = await request(h.service.app).get('/api/payments');

    expect(res.status).toBe(401);
  });
});
