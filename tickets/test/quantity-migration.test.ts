import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createLogger, runMigrations } from '@ticketing/common';
import { createMigratedDatabase } from '@ticketing/common/testing';
import { ticketsService } from '../src/app';

/** The migrations as they were before quantities: a copy of the folder whose journal stops at `lastTag`. */
function migrationsUpTo(lastTag: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'tickets-migrations-'));
  cpSync(ticketsService.migrationsDir!, dir, { recursive: true });
  const journalFile = path.join(dir, 'meta', '_journal.json');
  const journal = JSON.parse(readFileSync(journalFile, 'utf8')) as { entries: { tag: string }[] };
  const last = journal.entries.findIndex((e) => e.tag === lastTag);
  writeFileSync(journalFile, JSON.stringify({ ...journal, entries: journal.entries.slice(0, last + 1) }));
  return dir;
}

test('when listings from before quantities are migrated, then each holds one ticket, counted reserved or sold as it was', async () => {
  const before = migrationsUpTo('0003_events');
  const database = await createMigratedDatabase('tickets_quantity_migration', before);
  try {
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

    await runMigrations(database, ticketsService.migrationsDir!, createLogger('migration-test', 'silent'));

    const { rows } = await database.pool.query(
      'select status, quantity, split, reserved, sold, revision from tickets order by status',
    );
    expect(rows).toEqual([
      { status: 'available', quantity: 1, split: 'any', reserved: 0, sold: 0, revision: 0 },
      { status: 'reserved', quantity: 1, split: 'any', reserved: 1, sold: 0, revision: 0 },
      { status: 'sold', quantity: 1, split: 'any', reserved: 0, sold: 1, revision: 0 },
      { status: 'withdrawn', quantity: 1, split: 'any', reserved: 0, sold: 0, revision: 0 },
    ]);
  } finally {
    await database.drop();
    rmSync(before, { recursive: true, force: true });
  }
});
