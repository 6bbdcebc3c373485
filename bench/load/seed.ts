import { randomUUID } from 'node:crypto';
import { Client } from 'pg';

/** Tickets' own table groups listings into events; orders' replica has no event column. */
async function benchEventId(client: Client): Promise<string | null> {
  const { rowCount } = await client.query(
    `select 1 from information_schema.columns where table_name = 'tickets' and column_name = 'event_id'`,
  );
  if (!rowCount) return null;
  const { rows } = await client.query<{ id: string }>(
    `insert into events (title, venue, city, starts_at, time_zone)
     values ($1, 'Bench hall', 'Benchville', now() + interval '30 days', 'UTC') returning id`,
    [`Bench event ${randomUUID()}`],
  );
  return rows[0]!.id;
}

const hasTable = async (client: Client, table: string) =>
  Boolean((await client.query(`select to_regclass($1) as t`, [table])).rows[0]?.t);

/**
 * Tickets for the order phases, written straight into tickets' table and the replicas of orders and
 * notifications as if ticket.created had been applied (version 0, available): listing tens of thousands
 * through the API would take minutes and is measured on its own (listing → orderable).
 */
export async function seedTickets(
  databaseUrls: string[],
  count: number,
  sellerId: string,
): Promise<string[]> {
  const ids = Array.from({ length: count }, () => randomUUID());
  for (const url of databaseUrls) {
    const client = new Client({ connectionString: url });
    await client.connect();
    try {
      if (await hasTable(client, 'ticket_replica')) {
        await client.query(
          `insert into ticket_replica (id, version, title, venue, event_date, seller_id)
           select id, 0, 'Bench ticket', 'Bench hall', now() + interval '30 days', $2 from unnest($1::uuid[]) as id`,
          [ids, sellerId],
        );
        continue;
      }
      const eventId = await benchEventId(client);
      for (let from = 0; from < ids.length; from += 10_000) {
        const batch = [ids.slice(from, from + 10_000), sellerId];
        await client.query(
          eventId
            ? `insert into tickets (id, event_id, title, venue, event_date, price_cents, currency, seller_id, status, version)
               select id, $3, 'Bench ticket', 'Bench hall', now() + interval '30 days', 2500, 'usd', $2, 'available', 0
               from unnest($1::uuid[]) as id`
            : `insert into tickets (id, title, venue, event_date, price_cents, currency, seller_id, status, version)
               select id, 'Bench ticket', 'Bench hall', now() + interval '30 days', 2500, 'usd', $2, 'available', 0
               from unnest($1::uuid[]) as id`,
          eventId ? [...batch, eventId] : batch,
        );
      }
    } finally {
      await client.end();
    }
  }
  return ids;
}

/** Rows in a table of one database: how many orders are open or paid per ticket, among `ticketIds`. */
export async function activeOrdersPerTicket(
  ordersUrl: string,
  ticketIds: string[],
): Promise<Map<string, number>> {
  const client = new Client({ connectionString: ordersUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ ticket_id: string; n: number }>(
      `select ticket_id, count(*)::int as n from orders
       where ticket_id = any($1::uuid[]) and status in ('created', 'complete') group by ticket_id`,
      [ticketIds],
    );
    return new Map(rows.map((row) => [row.ticket_id, row.n]));
  } finally {
    await client.end();
  }
}

/**
 * The bench's users in notifications' replica of auth's users, as if user.registered had been applied:
 * its order.created consumer needs the buyer (and waits for them otherwise), so without them every
 * reservation event would be retried for the whole run instead of handled.
 */
export async function seedUsers(
  notificationsUrl: string,
  users: { id: string; email: string; name: string }[],
): Promise<void> {
  const client = new Client({ connectionString: notificationsUrl });
  await client.connect();
  try {
    await client.query(
      `insert into user_replica (id, email, name)
       select * from unnest($1::uuid[], $2::text[], $3::text[]) on conflict do nothing`,
      [users.map((u) => u.id), users.map((u) => u.email), users.map((u) => u.name)],
    );
  } finally {
    await client.end();
  }
}
