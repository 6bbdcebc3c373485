import { withMigrationsUpTo } from '@ticketing/common/testing';
import { ticketsService } from '../src/app';

const SELLER = '00000000-0000-4000-8000-000000000001';

test('when listings that predate events are migrated, then each title, venue and start becomes one event', () =>
  // The migrations as they were before events.
  withMigrationsUpTo(ticketsService, '0002_drop_closed_orders', async (database, migrateTheRest) => {
    const insert = (title: string, venue: string, at: string, price: number, status = 'available') =>
      database.pool.query(
        `insert into tickets (title, venue, event_date, price_cents, seller_id, status, order_id)
         values ($1, $2, $3, $4, $5, $6::ticket_status, case when $6::text in ('reserved', 'sold') then gen_random_uuid() end)`,
        [title, venue, at, price, SELLER, status],
      );
    await insert('The Midnight Owls', 'Riverside Arena, Portland', '2027-03-14T19:00:00Z', 6_500);
    await insert('the midnight owls', 'RIVERSIDE ARENA, Portland', '2027-03-14T19:00:00Z', 4_800);
    await insert('The Midnight Owls', 'Riverside Arena, Portland', '2027-03-14T19:00:00Z', 7_000, 'sold');
    await insert('The Midnight Owls', 'Riverside Arena, Portland', '2027-03-15T19:00:00Z', 5_000);
    await insert('Hamlet', 'Old Vic Theatre', '2027-04-01T18:30:00Z', 4_800);

    await migrateTheRest();

    const { rows: events } = await database.pool.query(
      `select e.title, e.venue, e.city, e.time_zone, e.starts_at, count(t.id)::int as listings
       from events e join tickets t on t.event_id = e.id
       group by e.id order by e.starts_at`,
    );
    expect(events).toEqual([
      expect.objectContaining({ city: 'Portland', time_zone: 'UTC', listings: 3 }),
      expect.objectContaining({ city: 'Portland', listings: 1 }),
      expect.objectContaining({ title: 'Hamlet', city: 'Unknown', time_zone: 'UTC', listings: 1 }),
    ]);
    expect(events[0].starts_at).toEqual(new Date('2027-03-14T19:00:00Z'));
    const { rows: orphans } = await database.pool.query(
      'select count(*)::int as n from tickets where event_id is null',
    );
    expect(orphans[0].n).toBe(0);
  }));
