import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import request from 'supertest';
import { orderCreated, outboxTable } from '@ticketing/common';
import { signIn, waitFor } from '@ticketing/common/testing';
import { ordersTable } from '../src/data/schema';
import { seedTicket, startOrders, type OrdersTestService } from './factories';

let service: OrdersTestService;

beforeAll(async () => {
  service = await startOrders();
});

afterAll(async () => {
  await service.close();
});

const post = (buyer: ReturnType<typeof signIn>, body: unknown) =>
  request(service.app)
    .post('/api/orders')
    .set(buyer.headers)
    .send(body as object);

describe('a ticket is sold at most once', () => {
  test('when 50 buyers race for one ticket, then exactly one order exists and one order.created is published', async () => {
    const ticket = await seedTicket(service);
    const buyers = Array.from({ length: 50 }, () => signIn());

    const responses = await Promise.all(buyers.map((buyer) => post(buyer, { ticketId: ticket.id })));

    const statuses = responses.map((r) => r.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(49);
    const rows = await service.database.db
      .select()
      .from(ordersTable)
      .where(eq(ordersTable.ticketId, ticket.id));
    expect(rows).toHaveLength(1);
    const outboxRows = await service.database.db
      .select()
      .from(outboxTable)
      .where(sql`${outboxTable.envelope} -> 'data' -> 'ticket' ->> 'id' = ${ticket.id}`);
    expect(outboxRows).toHaveLength(1);
    await waitFor(async () => {
      const [row] = await service.database.db
        .select()
        .from(outboxTable)
        .where(eq(outboxTable.id, outboxRows[0]!.id));
      return (
        row?.sentAt != null && service.recorder!.of(orderCreated).some((e) => e.data.ticket.id === ticket.id)
      );
    });
    expect(service.recorder!.of(orderCreated).filter((e) => e.data.ticket.id === ticket.id)).toHaveLength(1);
  });

  test('when another transaction holds the ticket row, then a buyer is answered 409 without waiting for it', async () => {
    const ticket = await seedTicket(service);
    const holder = await service.database.pool.connect();
    try {
      // Stands for the winner of a race mid-transaction: its lock lasts until this test releases it.
      await holder.query('begin');
      await holder.query('select id from tickets where id = $1 for update', [ticket.id]);

      const res = await post(signIn(), { ticketId: ticket.id });

      expect(res.status).toBe(409);
      expect(res.body.errors[0].message).toMatch(/reserved/);
    } finally {
      await holder.query('rollback');
      holder.release();
    }
    expect(
      await service.database.db.select().from(ordersTable).where(eq(ordersTable.ticketId, ticket.id)),
    ).toEqual([]);
  });

  test('when anything bypasses the checks, then the database itself refuses a second open or paid order', async () => {
    const ticket = await seedTicket(service);
    const { db } = service.database;
    const row = (status: 'created' | 'cancelled' | 'complete') => ({
      id: randomUUID(),
      userId: randomUUID(),
      ticketId: ticket.id,
      status,
      expiresAt: new Date(),
      priceCents: ticket.priceCents,
      totalCents: ticket.priceCents,
      currency: ticket.currency,
      version: 0,
    });
    await db.insert(ordersTable).values([row('cancelled'), row('cancelled'), row('complete')]);
    await expect(db.insert(ordersTable).values(row('created'))).rejects.toMatchObject({
      cause: { constraint: 'orders_one_active_per_ticket' },
    });
  });
});
