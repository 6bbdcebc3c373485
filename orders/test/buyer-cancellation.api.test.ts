import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { orderCancelled } from '@ticketing/common';
import { forThisFile, signIn, waitFor, type SignedIn } from '@ticketing/common/testing';
import { checkIn, orderEtickets, paidOrder, refund } from './eticket-factories';
import { orderEventOf, placeOrder, replicaOf, startOrders } from './factories';

const service = forThisFile(startOrders);

const cancelPaid = (orderId: string, who: SignedIn) =>
  request(service.app).post(`/api/orders/${orderId}/cancellation`).set(who.headers).send();

const cancellationsOf = (orderId: string) =>
  service.recorder!.of(orderCancelled).filter((e) => e.data.id === orderId);

const hoursFromNow = (hours: number) => new Date(Date.now() + hours * 3_600_000).toISOString();

describe('POST /api/orders/:id/cancellation', () => {
  test('when the buyer cancels a paid order inside its window, then it is cancelled (buyer_cancelled), its e-ticket is void at the door and order.cancelled is published once', async () => {
    const order = await paidOrder(service, { eventDate: hoursFromNow(72), cancellationHours: 24 });
    const before = await request(service.app)
      .get(`/api/orders/${order.id}`)
      .set('Cookie', order.buyer.cookie);
    expect(Date.parse(before.body.cancellableUntil)).toBe(
      Date.parse(order.ticket.eventDate) - 24 * 3_600_000,
    );

    const res = await cancelPaid(order.id, order.buyer).expect(200);
    expect(res.body).toMatchObject({
      id: order.id,
      status: 'cancelled',
      cancellationReason: 'buyer_cancelled',
    });

    const { body } = await orderEtickets(service, order.id, order.buyer).expect(200);
    expect(body.items.map((e: { status: string }) => e.status)).toEqual(['voided']);
    expect((await checkIn(service, order.seller, order.etickets[0]!.code)).body).toMatchObject({
      result: 'not_valid',
      reason: 'voided',
    });
    const event = await waitFor(() => cancellationsOf(order.id)[0]);
    expect(event.data).toEqual({ ...orderEventOf(order, 2), reason: 'buyer_cancelled' });
  });

  test('when the buyer cancels a paid order of 2 tickets, then the replica gives both back (held 2 → 0), both e-tickets are void and order.cancelled carries the quantity', async () => {
    const order = await paidOrder(service, { quantity: 2 });
    expect((await replicaOf(service, order.ticket.id))?.held).toBe(2);

    await cancelPaid(order.id, order.buyer).expect(200);

    expect((await replicaOf(service, order.ticket.id))?.held).toBe(0);
    const { body } = await orderEtickets(service, order.id, order.buyer).expect(200);
    expect(body.items.map((e: { status: string }) => e.status)).toEqual(['voided', 'voided']);
    const event = await waitFor(() => cancellationsOf(order.id)[0]);
    expect(event.data).toMatchObject({ quantity: 2, reason: 'buyer_cancelled' });
  });

  test('when the buyer cancels twice, then both answer the cancelled order and one order.cancelled is recorded', async () => {
    const order = await paidOrder(service);
    const [first, second] = await Promise.all([
      cancelPaid(order.id, order.buyer),
      cancelPaid(order.id, order.buyer),
    ]);
    expect([first.status, second.status]).toEqual([200, 200]);
    expect(second.body).toMatchObject({
      status: 'cancelled',
      cancellationReason: 'buyer_cancelled',
      version: 2,
    });
    await waitFor(() => cancellationsOf(order.id).length > 0);
    expect((await cancelPaid(order.id, order.buyer).expect(200)).body.version).toBe(2);
    expect(cancellationsOf(order.id)).toHaveLength(1);
  });

  test('when the window has closed, then 409 cancellation_window_closed and the order stays paid', async () => {
    const order = await paidOrder(service, { eventDate: hoursFromNow(10), cancellationHours: 48 });
    const res = await cancelPaid(order.id, order.buyer).expect(409);
    expect(res.body.errors[0]).toMatchObject({ code: 'cancellation_window_closed' });
    const { body } = await request(service.app)
      .get(`/api/orders/${order.id}`)
      .set('Cookie', order.buyer.cookie);
    expect(body.status).toBe('complete');
  });

  test('when the seller offers no cancellation, then 409 cancellation_not_offered', async () => {
    const order = await paidOrder(service, { cancellationHours: 0 });
    const res = await cancelPaid(order.id, order.buyer).expect(409);
    expect(res.body.errors[0]).toMatchObject({ code: 'cancellation_not_offered' });
  });

  test('when the e-ticket was already used at the door, then 409 eticket_used and it stays used, not voided', async () => {
    const order = await paidOrder(service);
    expect((await checkIn(service, order.seller, order.etickets[0]!.code)).body.result).toBe('admitted');
    const res = await cancelPaid(order.id, order.buyer).expect(409);
    expect(res.body.errors[0]).toMatchObject({ code: 'eticket_used' });
    const { body } = await orderEtickets(service, order.id, order.buyer).expect(200);
    expect(body.items[0].status).toBe('used');
  });

  test('when another user asks, then 403; when an admin asks, then it is cancelled', async () => {
    const order = await paidOrder(service);
    const refused = await cancelPaid(order.id, signIn()).expect(403);
    expect(refused.body.errors[0].code).toBe('not_your_order');
    const res = await cancelPaid(order.id, signIn({ role: 'admin' })).expect(200);
    expect(res.body.cancellationReason).toBe('buyer_cancelled');
  });

  test('when the refund of the cancelled order arrives, then the order shows when it was refunded', async () => {
    const order = await paidOrder(service);
    await cancelPaid(order.id, order.buyer).expect(200);
    await refund(service, order.id, order.paymentId, 'buyer_cancelled');
    const refunded = await waitFor(async () => {
      const { body } = await request(service.app)
        .get(`/api/orders/${order.id}`)
        .set('Cookie', order.buyer.cookie);
      return body.refundedAt ? body : undefined;
    });
    expect(refunded.status).toBe('cancelled');
  });

  test('when the order is not paid yet, then it is simply cancelled (reason user)', async () => {
    const order = await placeOrder(service);
    const res = await cancelPaid(order.id, order.buyer).expect(200);
    expect(res.body).toMatchObject({ status: 'cancelled', cancellationReason: 'user' });
  });

  test('when the order is unknown or the id malformed, then 404 / 400', async () => {
    const buyer = signIn();
    await cancelPaid(randomUUID(), buyer).expect(404);
    await cancelPaid('nope', buyer).expect(400);
  });
});
