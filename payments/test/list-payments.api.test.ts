import request from 'supertest';
import { paymentRefunded } from '@ticketing/common';
import { forThisFile, signIn, waitFor } from '@ticketing/common/testing';
import { pay, seedOrder, startPayments } from './factories';

const h = forThisFile(startPayments);

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

  test('when a buyer asks for the payments of one paid order, then its payment names the card that paid (brand and last 4)', async () => {
    const buyer = signIn();
    const { order } = await seedOrder(h, { userId: buyer.user.id });
    const paid = await pay(h, buyer, { orderId: order.id, paymentMethodId: 'pm_card_mastercard' });
    const { order: other } = await seedOrder(h, { userId: buyer.user.id });
    await pay(h, buyer, { orderId: other.id, paymentMethodId: 'pm_card_visa' });

    const res = await list(buyer.cookie, `?orderId=${order.id}`);
    const admin = signIn({ role: 'admin' });
    const all = await request(h.service.app)
      .get(`/api/payments/all?orderId=${order.id}`)
      .set('Cookie', admin.cookie);

    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      items: [
        expect.objectContaining({
          id: paid.body.id,
          orderId: order.id,
          card: { brand: 'mastercard', last4: '4444' },
        }),
      ],
      nextCursor: null,
    });
    expect(all.body.items).toEqual([
      expect.objectContaining({ id: paid.body.id, card: { brand: 'mastercard', last4: '4444' } }),
    ]);
    expect((await list(signIn().cookie, `?orderId=${order.id}`)).body.items).toEqual([]);
  });

  test('when the order id is not a uuid, then 400 on orderId', async () => {
    const res = await list(signIn().cookie, '?orderId=42');

    expect(res.status).toBe(400);
    expect(res.body.errors[0]).toMatchObject({ field: 'orderId' });
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

describe('admin: GET /api/payments/all and POST /api/payments/:id/refund', () => {
  test('when an admin lists payments, then everyone’s come back; anyone else gets 403', async () => {
    const { order, buyer } = await seedOrder(h);
    const paid = await pay(h, buyer, { orderId: order.id, paymentMethodId: 'pm_card_visa' });
    const admin = signIn({ role: 'admin' });
    const all = await request(h.service.app).get('/api/payments/all?limit=100').set('Cookie', admin.cookie);
    expect(all.status).toBe(200);
    expect(all.body.items.map((p: { id: string }) => p.id)).toContain(paid.body.id);
    const plain = await request(h.service.app).get('/api/payments/all').set('Cookie', buyer.cookie);
    expect(plain.status).toBe(403);
  });

  test('when an admin refunds a paid order, then it goes through the refund worker and payment.refunded is published; a second refund is 409', async () => {
    const { order, buyer } = await seedOrder(h);
    const paid = await pay(h, buyer, { orderId: order.id, paymentMethodId: 'pm_card_visa' });
    const admin = signIn({ role: 'admin' });
    const refund = (who: { headers: Record<string, string> }, id = paid.body.id as string) =>
      request(h.service.app).post(`/api/payments/${id}/refund`).set(who.headers);

    expect((await refund(buyer)).status).toBe(403);
    const res = await refund(admin);
    expect(res.status).toBe(202);
    expect(res.body).toMatchObject({ id: paid.body.id, status: 'refund_pending' });
    const event = await waitFor(() =>
      h.service.recorder!.of(paymentRefunded).find((e) => e.data.orderId === order.id),
    );
    expect(event.data).toMatchObject({ id: paid.body.id, amountCents: 2_500, reason: 'admin_refund' });
    const again = await refund(admin);
    expect(again.status).toBe(409);
    expect(again.body.errors[0].code).toBe('payment_not_refundable');
    expect((await refund(admin, '00000000-0000-4000-8000-000000000000')).status).toBe(404);
    expect((await refund(admin, 'nope')).status).toBe(400);
  });
});
