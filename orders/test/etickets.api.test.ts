import request from 'supertest';
import { orderEticketsIssued } from '@ticketing/common';
import { signIn, waitFor } from '@ticketing/common/testing';
import { eticketSigner } from '../src/domain/eticket-code';
import { orderEtickets, paidOrder } from './eticket-factories';
import { placeOrder, startOrders, TEST_ETICKET_KEY, type OrdersTestService } from './factories';

let service: OrdersTestService;

beforeAll(async () => {
  service = await startOrders();
});

afterAll(() => service.close());

const myEtickets = (who = signIn()) =>
  request(service.app).get('/api/orders/etickets').set('Cookie', who.cookie).expect(200);

describe('issuing e-tickets', () => {
  test('when an order is paid, then one signed e-ticket is issued and order.etickets-issued carries its code', async () => {
    const order = await paidOrder(service);

    expect(order.etickets).toHaveLength(1);
    const [eticket] = order.etickets;
    expect(eticket).toMatchObject({ orderId: order.id, status: 'valid', seat: null });
    expect(eticket!.event).toMatchObject({ ticketId: order.ticket.id, title: order.ticket.title });
    expect(eticketSigner(TEST_ETICKET_KEY).isSigned(eticket!.code)).toBe(true);
    expect(eticketSigner('another_platform_key_0123456789abcdef').isSigned(eticket!.code)).toBe(false);
    const [event] = await waitFor(() => {
      const found = service.recorder!.of(orderEticketsIssued).filter((e) => e.data.orderId === order.id);
      return found.length ? found : undefined;
    });
    expect(event!.data).toMatchObject({
      userId: order.buyer.user.id,
      ticket: { id: order.ticket.id },
      etickets: [{ id: eticket!.id, code: eticket!.code, seat: null }],
    });
  });

  test('when the event has a time zone, then each e-ticket names it beside the start, in the buyer list too', async () => {
    const eventDate = '2031-03-14T19:00:00.000Z';
    const order = await paidOrder(service, { eventDate, timeZone: 'Europe/Berlin' });
    expect(order.etickets[0]!.event).toMatchObject({ eventDate, timeZone: 'Europe/Berlin' });
    const { body } = await myEtickets(order.buyer);
    expect(body.items[0].event).toMatchObject({ eventDate, timeZone: 'Europe/Berlin' });
  });

  test('when an order of 2 tickets is paid, then it holds 2 e-tickets with different codes, all in one order.etickets-issued', async () => {
    const order = await paidOrder(service, { quantity: 2 });

    expect(order.etickets).toHaveLength(2);
    expect(new Set(order.etickets.map((e) => e.code)).size).toBe(2);
    const [event] = await waitFor(() => {
      const found = service.recorder!.of(orderEticketsIssued).filter((e) => e.data.orderId === order.id);
      return found.length ? found : undefined;
    });
    expect(event!.data.etickets.map((e) => e.code).sort()).toEqual(order.etickets.map((e) => e.code).sort());
  });

  test('when several orders are paid, then every code is different and only the buyer lists them', async () => {
    const paid = await Promise.all([paidOrder(service), paidOrder(service), paidOrder(service)]);
    const codes = paid.flatMap((order) => order.etickets.map((e) => e.code));
    expect(new Set(codes).size).toBe(codes.length);

    const { body } = await myEtickets(paid[0]!.buyer);
    expect(body.items.map((e: { id: string }) => e.id)).toEqual([paid[0]!.etickets[0]!.id]);
    expect(body.nextCursor).toBeNull();
  });

  test('when the order is not paid, then it has no e-tickets and no PDF (409)', async () => {
    const order = await placeOrder(service);
    expect((await orderEtickets(service, order.id, order.buyer).expect(200)).body).toEqual({ items: [] });
    const pdf = await request(service.app)
      .get(`/api/orders/${order.id}/etickets/pdf`)
      .set('Cookie', order.buyer.cookie);
    expect(pdf.status).toBe(409);
    expect(pdf.body.errors[0].code).toBe('etickets_not_issued');
  });
});

describe('who sees the codes', () => {
  test('when another user asks for the order e-tickets, then 403, and its QR code is 404', async () => {
    const order = await paidOrder(service);
    const stranger = signIn();

    expect((await orderEtickets(service, order.id, stranger)).status).toBe(403);
    const qr = await request(service.app)
      .get(`/api/orders/etickets/${order.etickets[0]!.id}/qr.svg`)
      .set('Cookie', stranger.cookie);
    expect(qr.status).toBe(404);
    expect(JSON.stringify(qr.body)).not.toContain(order.etickets[0]!.code);
    expect((await myEtickets(stranger)).body.items).toEqual([]);
  });

  test('when the seller asks for the buyer e-tickets, then 403: the seller checks codes in, never reads them', async () => {
    const order = await paidOrder(service);
    expect((await orderEtickets(service, order.id, order.seller)).status).toBe(403);
  });

  test('when an admin asks, then the codes are shown', async () => {
    const order = await paidOrder(service);
    const admin = signIn({ role: 'admin' });
    const { body } = await orderEtickets(service, order.id, admin).expect(200);
    expect(body.items[0].code).toBe(order.etickets[0]!.code);
  });
});
