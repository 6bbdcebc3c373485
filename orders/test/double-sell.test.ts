import { eq, sql } from 'drizzle-orm';
import type request from 'supertest';
import { orderCreated, outboxTable } from '@ticketing/common';
import { forThisFile, signIn, waitFor } from '@ticketing/common/testing';
import { orders } from '../src/data/schema';
import { postOrder, seedTicket, startOrders } from './factories';

const service = forThisFile(startOrders);

describe('a ticket is sold at most once', () => {
  test('when 50 buyers race for one ticket, then exactly one order exists and one order.created is published', async () => {
    const ticket = await seedTicket(service);
    const buyers = Array.from({ length: 50 }, () => signIn());

    const responses = await Promise.all(
      buyers.map((buyer) => postOrder(service, buyer, { ticketId: ticket.id })),
    );

    const statuses = responses.map((r) => r.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(49);
    const rows = await service.database.db.select().from(orders).where(eq(orders.ticketId, ticket.id));
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

  test('when another transaction takes the last tickets while a buyer reserves, then the buyer is answered from what it left (409), not from what it read', async () => {
    const ticket = await seedTicket(service, { quantity: 4, available: 4 });
    const holder = await service.database.pool.connect();
    let res: request.Response;
    try {
      // Stands for a winner mid-statement: it has taken three of the four tickets and not committed yet.
      await holder.query('begin');
      await holder.query('update tickets set held = held + 3 where id = $1', [ticket.id]);
      // then(): supertest sends the request only once it is awaited or then'd.
      const pending = postOrder(service, signIn(), { ticketId: ticket.id, quantity: 2 }).then((r) => r);
      // The buyer read 4 left and is now queued on the row behind the holder.
      await waitFor(async () => {
        const { rows } = await service.database.pool.query(
          `select 1 from pg_stat_activity where wait_event_type = 'Lock' and query like '%update tickets set held%'`,
        );
        return rows.length > 0;
      });
      await holder.query('commit');
      res = await pending;
    } finally {
      holder.release();
    }
    expect(res.status).toBe(409);
    expect(res.body.errors[0].code).toBe('not_enough_tickets');
    expect(await service.database.db.select().from(orders).where(eq(orders.ticketId, ticket.id))).toEqual([]);
  });

  test('when anything bypasses the checks, then the database itself refuses holding more than listed', async () => {
    const ticket = await seedTicket(service, { quantity: 2, available: 2 });
    await expect(
      service.database.pool.query('update tickets set held = 3 where id = $1', [ticket.id]),
    ).rejects.toMatchObject({ constraint: 'tickets_held_within_quantity' });
  });
});

describe('a listing of several tickets is never sold beyond its quantity', () => {
  test('when 40 buyers race for 1 to 3 tickets each of a listing of 10, then the orders placed take at most 10 and the replica counts exactly them', async () => {
    const ticket = await seedTicket(service, { quantity: 10, available: 10 });
    const wanted = Array.from({ length: 40 }, (_, i) => (i % 3) + 1);

    const responses = await Promise.all(
      wanted.map((quantity) => postOrder(service, signIn(), { ticketId: ticket.id, quantity })),
    );

    const statuses = responses.map((r) => r.status);
    expect(statuses.every((s) => s === 201 || s === 409)).toBe(true);
    const rows = await service.database.db.select().from(orders).where(eq(orders.ticketId, ticket.id));
    const taken = rows.reduce((sum, o) => sum + o.quantity, 0);
    expect(rows).toHaveLength(statuses.filter((s) => s === 201).length);
    expect(taken).toBeLessThanOrEqual(10);
    const { rows: replica } = await service.database.pool.query('select held from tickets where id = $1', [
      ticket.id,
    ]);
    expect(replica[0].held).toBe(taken);
    const published = () => service.recorder!.of(orderCreated).filter((e) => e.data.ticket.id === ticket.id);
    await waitFor(() => published().length === rows.length);
    expect(
      published()
        .map((e) => e.data.quantity ?? 1)
        .reduce((a, b) => a + b, 0),
    ).toBe(taken);
  });
});
