import { randomUUID } from 'node:crypto';
import { withMigrationsUpTo } from '@ticketing/common/testing';
import { ordersService } from '../src/app';

test('when the replica and orders from before quantities are migrated, then each listing holds one ticket, held by its open or paid order', () =>
  // The migrations as they were before quantities.
  withMigrationsUpTo(ordersService, '0002_etickets', async (database, migrateTheRest) => {
    const ids = { free: randomUUID(), held: randomUUID(), sold: randomUUID() };
    const orderIds = { open: randomUUID(), paid: randomUUID(), cancelled: randomUUID() };
    const ticket = (id: string, status: string, orderId: string | null) =>
      database.pool.query(
        `insert into tickets (id, title, venue, event_date, price_cents, currency, seller_id, status, order_id, version)
         values ($1, 'Gig', 'Club', now() + interval '30 days', 2500, 'usd', $2, $3::ticket_status, $4, 1)`,
        [id, randomUUID(), status, orderId],
      );
    const order = (id: string, ticketId: string, status: string) =>
      database.pool.query(
        `insert into orders (id, user_id, ticket_id, status, expires_at, price_cents, currency, version)
         values ($1, $2, $3, $4::order_status, now() + interval '10 minutes', 2500, 'usd', 0)`,
        [id, randomUUID(), ticketId, status],
      );
    await ticket(ids.free, 'available', null);
    await ticket(ids.held, 'reserved', orderIds.open);
    await ticket(ids.sold, 'sold', orderIds.paid);
    await order(orderIds.cancelled, ids.free, 'cancelled');
    await order(orderIds.open, ids.held, 'created');
    await order(orderIds.paid, ids.sold, 'complete');

    await migrateTheRest();

    const { rows: tickets } = await database.pool.query(
      'select id, quantity, available, held, revision from tickets',
    );
    const byId = new Map(tickets.map((t) => [t.id, t]));
    expect(byId.get(ids.free)).toMatchObject({ quantity: 1, available: 1, held: 0, revision: 0 });
    expect(byId.get(ids.held)).toMatchObject({ quantity: 1, available: 0, held: 1 });
    expect(byId.get(ids.sold)).toMatchObject({ quantity: 1, available: 0, held: 1 });
    const { rows: orders } = await database.pool.query(
      'select id, quantity, reservation_confirmed_at is not null as confirmed from orders',
    );
    expect(new Map(orders.map((o) => [o.id, [o.quantity, o.confirmed]]))).toEqual(
      new Map([
        [orderIds.cancelled, [1, false]],
        [orderIds.open, [1, true]],
        [orderIds.paid, [1, true]],
      ]),
    );
  }));
