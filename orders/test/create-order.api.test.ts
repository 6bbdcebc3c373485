import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import request from 'supertest';
import { orderCreated, ticketUpdated } from '@ticketing/common';
import { forThisFile, signIn, waitFor } from '@ticketing/common/testing';
import { orders } from '../src/data/schema';
import { postOrder, replicaOf, seedTicket, startOrders } from './factories';

const service = forThisFile(() => startOrders({ ORDER_TTL_SECONDS: '600' }));

describe('POST /api/orders', () => {
  test('when a buyer orders an available ticket, then 201 with expiresAt = now + TTL and order.created in the outbox', async () => {
    const ticket = await seedTicket(service, { priceCents: 12_345, currency: 'USD' });
    const buyer = signIn();
    const before = Date.now();

    const res = await postOrder(service, buyer, { ticketId: ticket.id });
    const after = Date.now();

    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      status: 'created',
      userId: buyer.user.id,
      version: 0,
      priceCents: 12_345,
      // 10 % of 123.45 is 12.345: rounded half up to 12.35.
      serviceFeeCents: 1_235,
      totalCents: 13_580,
      paidAt: null,
      currency: 'usd',
      ticket: { id: ticket.id, title: ticket.title, venue: ticket.venue, priceCents: 12_345 },
    });
    // expiresAt = the moment of the request + ORDER_TTL_SECONDS (600 in this file's config).
    const expiresAt = new Date(res.body.expiresAt).getTime();
    expect(expiresAt).toBeGreaterThanOrEqual(before + 600_000);
    expect(expiresAt).toBeLessThanOrEqual(after + 600_000);
    const event = await waitFor(() =>
      service.recorder!.of(orderCreated).find((e) => e.data.id === res.body.id),
    );
    expect(event.data).toEqual({
      id: res.body.id,
      version: 0,
      status: 'created',
      userId: buyer.user.id,
      expiresAt: res.body.expiresAt,
      quantity: 1,
      ticket: {
        id: ticket.id,
        priceCents: 12_345,
        currency: 'usd',
        revision: 0,
        sellerId: ticket.sellerId,
        eventDate: new Date(ticket.eventDate).toISOString(),
      },
      serviceFeeCents: 1_235,
      sellerFeeCents: 617,
      totalCents: 13_580,
      cancellableUntil: new Date(Date.parse(ticket.eventDate) - 48 * 3_600_000).toISOString(),
    });
  });

  test('when the ticket is not in the replica, then 404', async () => {
    const res = await postOrder(service, signIn(), { ticketId: randomUUID() });
    expect(res.status).toBe(404);
    expect(res.body.errors[0].code).toBe('not_found');
  });

  test('when the buyer is the seller, then 400 and no order exists', async () => {
    const seller = signIn();
    const ticket = await seedTicket(service, { sellerId: seller.user.id });
    const res = await postOrder(service, seller, { ticketId: ticket.id });
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([{ code: 'own_ticket', message: expect.any(String), field: 'ticketId' }]);
    expect(await service.database.db.select().from(orders).where(eq(orders.ticketId, ticket.id))).toEqual([]);
  });

  test.each(['reserved', 'sold', 'withdrawn'] as const)(
    'when the replica says %s, then 409',
    async (status) => {
      const ticket = await seedTicket(service, { status });
      const res = await postOrder(service, signIn(), { ticketId: ticket.id });
      expect(res.status).toBe(409);
      expect(res.body.errors[0]).toMatchObject({ code: 'ticket_not_available', field: 'ticketId' });
    },
  );

  test('when the event has already taken place, then 409', async () => {
    const ticket = await seedTicket(service, { eventDate: new Date(Date.now() - 3_600_000).toISOString() });
    expect((await postOrder(service, signIn(), { ticketId: ticket.id })).status).toBe(409);
  });

  test('when a second buyer orders a ticket someone holds, then 409', async () => {
    const ticket = await seedTicket(service);
    expect((await postOrder(service, signIn(), { ticketId: ticket.id })).status).toBe(201);
    const res = await postOrder(service, signIn(), { ticketId: ticket.id });
    expect(res.status).toBe(409);
    expect(res.body.errors[0]).toMatchObject({ code: 'not_enough_tickets', field: 'quantity' });
  });

  test('when a held ticket is released and the replica hears of it, then a new buyer can order it', async () => {
    const ticket = await seedTicket(service);
    const first = signIn();
    const created = await postOrder(service, first, { ticketId: ticket.id });
    await request(service.app).delete(`/api/orders/${created.body.id}`).set(first.headers).expect(204);
    // tickets reserved, then released it: the replica follows in version order.
    const reserved = {
      ...ticket,
      version: 1,
      status: 'reserved' as const,
      orderId: created.body.id as string,
    };
    await service.bus.publish(ticketUpdated, reserved);
    await service.bus.publish(ticketUpdated, { ...ticket, version: 2, status: 'available', orderId: null });
    await waitFor(async () => (await replicaOf(service, ticket.id))?.version === 2);

    expect((await postOrder(service, signIn(), { ticketId: ticket.id })).status).toBe(201);
  });

  test('when a buyer takes 2 of a listing of 4, then one order costs twice the price, 2 stay on sale, and order.created carries the quantity', async () => {
    const ticket = await seedTicket(service, { quantity: 4, available: 4, priceCents: 2_500 });

    const res = await postOrder(service, signIn(), { ticketId: ticket.id, quantity: 2 });

    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ quantity: 2, priceCents: 2_500, amountCents: 5_000 });
    expect((await replicaOf(service, ticket.id))?.held).toBe(2);
    const event = await waitFor(() =>
      service.recorder!.of(orderCreated).find((e) => e.data.id === res.body.id),
    );
    expect(event.data).toMatchObject({ quantity: 2, ticket: { priceCents: 2_500 } });
    expect((await postOrder(service, signIn(), { ticketId: ticket.id, quantity: 2 })).status).toBe(201);
    const third = await postOrder(service, signIn(), { ticketId: ticket.id, quantity: 1 });
    expect(third.status).toBe(409);
    expect(third.body.errors[0].code).toBe('not_enough_tickets');
  });

  test('when the buyer cancels, then the tickets go back to the listing at once', async () => {
    const ticket = await seedTicket(service, { quantity: 3, available: 3 });
    const buyer = signIn();
    const created = await postOrder(service, buyer, { ticketId: ticket.id, quantity: 3 });
    expect((await replicaOf(service, ticket.id))?.held).toBe(3);
    await request(service.app).delete(`/api/orders/${created.body.id}`).set(buyer.headers).expect(204);
    expect((await replicaOf(service, ticket.id))?.held).toBe(0);
  });

  test.each([
    ['more than the listing holds', { quantity: 2, split: 'any' }, 3],
    ['a split that leaves one ticket (no-single)', { quantity: 4, split: 'no-single' }, 3],
    ['part of an all-together listing', { quantity: 4, split: 'all' }, 2],
    [
      'tickets costing more together than a card payment may take',
      { quantity: 2, split: 'any', priceCents: 60_000_000 },
      2,
    ],
    [
      'tickets whose service fee takes their total over what a card payment may take',
      { quantity: 2, split: 'any', priceCents: 49_000_000 },
      2,
    ],
  ] as const)('when a buyer asks for %s, then 400 quantity_not_allowed', async (_case, listing, quantity) => {
    const ticket = await seedTicket(service, { ...listing, available: listing.quantity });
    const res = await postOrder(service, signIn(), { ticketId: ticket.id, quantity });
    expect(res.status).toBe(400);
    expect(res.body.errors[0]).toMatchObject({ code: 'quantity_not_allowed', field: 'quantity' });
    expect((await replicaOf(service, ticket.id))?.held).toBe(0);
  });

  test('when the split allows it, then no-single sells 2 of 4 and all sells the 4 together', async () => {
    const noSingle = await seedTicket(service, { quantity: 4, available: 4, split: 'no-single' });
    expect((await postOrder(service, signIn(), { ticketId: noSingle.id, quantity: 2 })).status).toBe(201);
    const all = await seedTicket(service, { quantity: 4, available: 4, split: 'all' });
    expect((await postOrder(service, signIn(), { ticketId: all.id, quantity: 4 })).status).toBe(201);
  });

  test.each([0, -1, 1.5, 21, '2'])('when the quantity is %p, then 400 naming it', async (quantity) => {
    const ticket = await seedTicket(service, { quantity: 4, available: 4 });
    const res = await postOrder(service, signIn(), { ticketId: ticket.id, quantity });
    expect(res.status).toBe(400);
    expect(res.body.errors[0]).toMatchObject({ code: 'invalid', field: 'quantity' });
  });

  test('when the body is invalid, then 400 naming the field', async () => {
    const res = await postOrder(service, signIn(), { ticketId: 'not-a-uuid' });
    expect(res.status).toBe(400);
    expect(res.body.errors[0]).toMatchObject({ code: 'invalid', field: 'ticketId' });
  });

  test('when nobody is signed in, then 401', async () => {
    const anonymous = signIn();
    const res = await request(service.app)
      .post('/api/orders')
      .set({ ...anonymous.headers, Cookie: anonymous.cookie.replace(/access_token=[^;]+; /, '') })
      .send({ ticketId: randomUUID() });
    expect(res.status).toBe(401);
  });

  test('when one user places more orders than the limit allows, then 429 with Retry-After', async () => {
    const buyer = signIn();
    for (let i = 0; i < 10; i++)
      expect((await postOrder(service, buyer, { ticketId: randomUUID() })).status).toBe(404);
    const res = await postOrder(service, buyer, { ticketId: randomUUID() });
    expect(res.status).toBe(429);
    expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
    expect((await postOrder(service, signIn(), { ticketId: randomUUID() })).status).toBe(404);
  });
});
