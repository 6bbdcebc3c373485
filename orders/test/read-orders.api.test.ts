import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { forThisFile, signIn, type SignedIn } from '@ticketing/common/testing';
import { placeOrder, startOrders } from './factories';

const service = forThisFile(startOrders);

const get = (who: SignedIn, path: string) => request(service.app).get(path).set('Cookie', who.cookie);

describe('GET /api/orders/:id', () => {
  test('when the buyer reads their order, then 200 with the ticket summary from the replica', async () => {
    const { id, buyer, ticket } = await placeOrder(service);
    const res = await get(buyer, `/api/orders/${id}`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      id,
      status: 'created',
      ticket: {
        id: ticket.id,
        title: ticket.title,
        venue: ticket.venue,
        eventDate: ticket.eventDate,
        priceCents: ticket.priceCents,
        currency: ticket.currency,
      },
    });
  });

  test('when another user reads it, then 403 without any of its data', async () => {
    const { id } = await placeOrder(service);
    const res = await get(signIn(), `/api/orders/${id}`);
    expect(res.status).toBe(403);
    expect(JSON.stringify(res.body)).not.toContain(id);
  });

  test('when an admin reads anyone’s order, then 200', async () => {
    const { id } = await placeOrder(service);
    expect((await get(signIn({ role: 'admin' }), `/api/orders/${id}`)).status).toBe(200);
  });

  test('when the order does not exist, then 404; when the id is malformed, then 400', async () => {
    expect((await get(signIn(), `/api/orders/${randomUUID()}`)).status).toBe(404);
    const bad = await get(signIn(), '/api/orders/42');
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].field).toBe('id');
  });

  test('when nobody is signed in, then 401', async () => {
    expect((await request(service.app).get(`/api/orders/${randomUUID()}`)).status).toBe(401);
  });
});

describe('GET /api/orders', () => {
  test('when a buyer has several orders, then pages list only theirs, newest first', async () => {
    const buyer = signIn();
    const first = await placeOrder(service, buyer);
    const second = await placeOrder(service, buyer);
    const third = await placeOrder(service, buyer);
    await placeOrder(service); // someone else's

    const page1 = await get(buyer, '/api/orders?limit=2');
    expect(page1.status).toBe(200);
    expect(page1.body.items.map((o: { id: string }) => o.id)).toEqual([third.id, second.id]);
    expect(page1.body.items[0].ticket.title).toBe(third.ticket.title);
    expect(page1.body.nextCursor).toEqual(expect.any(String));

    const page2 = await get(buyer, `/api/orders?limit=2&cursor=${page1.body.nextCursor}`);
    expect(page2.body).toEqual({ items: [expect.objectContaining({ id: first.id })], nextCursor: null });
  });

  test('when a buyer asks for one ticket’s orders, then only theirs for that ticket are listed', async () => {
    const buyer = signIn();
    const mine = await placeOrder(service, buyer);
    await placeOrder(service, buyer);
    const res = await get(buyer, `/api/orders?ticketId=${mine.ticket.id}`);
    expect(res.status).toBe(200);
    expect(res.body.items.map((o: { id: string }) => o.id)).toEqual([mine.id]);
    const other = await get(signIn(), `/api/orders?ticketId=${mine.ticket.id}`);
    expect(other.body.items).toEqual([]);
  });

  test('when anyone asks for the policy, then it states how long an order holds its ticket and the fee rates', async () => {
    const res = await request(service.app).get('/api/orders/policy');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ holdSeconds: expect.any(Number), serviceFeePercent: 10, sellerFeePercent: 5 });
  });

  test('when the cursor is not one of ours, then 400 naming it', async () => {
    const res = await get(signIn(), '/api/orders?cursor=garbage');
    expect(res.status).toBe(400);
    expect(res.body.errors[0]).toMatchObject({ field: 'cursor' });
  });

  test('when an admin asks for all=true, then everyone’s orders are listed', async () => {
    const a = await placeOrder(service);
    const b = await placeOrder(service);
    const res = await get(signIn({ role: 'admin' }), '/api/orders?all=true&limit=100');
    expect(res.status).toBe(200);
    const ids = res.body.items.map((o: { id: string }) => o.id);
    expect(ids).toEqual(expect.arrayContaining([a.id, b.id]));
    expect(ids.indexOf(b.id)).toBeLessThan(ids.indexOf(a.id));
  });

  test('when a user who is not an admin asks for all=true, then 403', async () => {
    const res = await get(signIn(), '/api/orders?all=true');
    expect(res.status).toBe(403);
  });
});
