import { withMigrationsUpTo } from '@ticketing/common/testing';
import { ticketsService } from '../src/app';

test('when listings from before quantities are migrated, then each holds one ticket, counted reserved or sold as it was', () =>
  // The migrations as they were before quantities.
  withMigrationsUpTo(ticketsService, '0003_events', async (database, migrateTheRest) => {
    const {
      rows: [event],
    } = await database.pool.query(
      `insert into events (title, venue, city, starts_at, time_zone)
       values ('Gig', 'Club', 'Berlin', now() + interval '30 days', 'Europe/Berlin') returning id`,
    );
    for (const status of ['available', 'reserved', 'sold', 'withdrawn'])
      await database.pool.query(
        `insert into tickets (event_id, title, venue, event_date, price_cents, seller_id, status, order_id)
         values ($1, 'Gig', 'Club', now() + interval '30 days', 2500, gen_random_uuid(), $2::ticket_status,
                 case when $2::text in ('reserved', 'sold') then gen_random_uuid() end)`,
        [event.id, status],
      );

    await migrateTheRest();

    const { rows } = await database.pool.query(
      'select status, quantity, split, reserved, sold, revision from tickets order by status',
    );
    expect(rows).toEqual([
      { status: 'available', quantity: 1, split: 'any', reserved: 0, sold: 0, revision: 0 },
      { status: 'reserved', quantity: 1, split: 'any', reserved: 1, sold: 0, revision: 0 },
      { status: 'sold', quantity: 1, split: 'any', reserved: 0, sold: 1, revision: 0 },
      { status: 'withdrawn', quantity: 1, split: 'any', reserved: 0, sold: 0, revision: 0 },
    ]);
  }));
