/**
 * How fast one consumer instance applies replica upserts: publishes N ticket.created events first, then
 * starts one consumer (the bus's own EventConsumer) and times until every row is in the replica.
 * `npx tsx --tsconfig tsconfig.check.json scripts/bus/consumer-throughput.ts [N]`
 */
import { sql } from 'drizzle-orm';
import { consumer, createLogger, EventConsumer, ticketCreated } from '@ticketing/common';
import { createMigratedDatabase, createTestBus, ticketCreatedData, waitFor } from '@ticketing/common/testing';

const count = Number(process.argv[2] ?? 20_000);

async function main() {
  const database = await createMigratedDatabase('consumer_throughput');
  const bus = await createTestBus();
  try {
    await database.db.execute(
      sql`create table replica (id uuid primary key, title text, price_cents int, version int)`,
    );
    for (let sent = 0; sent < count; sent += 1_000) {
      const batch = Array.from({ length: Math.min(1_000, count - sent) }, ticketCreatedData);
      await Promise.all(batch.map((t) => bus.publish(ticketCreated, t)));
    }
    const definition = consumer(ticketCreated, 'bench', async (tx, t) => {
      await tx.execute(sql`insert into replica values (${t.id}, ${t.title}, ${t.priceCents}, ${t.version})
        on conflict (id) do update set title = excluded.title, price_cents = excluded.price_cents, version = excluded.version`);
    });
    const started = performance.now();
    const running = await new EventConsumer(bus, database, definition, createLogger('bench', 'warn')).start();
    const applied = async () =>
      (await database.db.execute<{ n: number }>(sql`select count(*)::int as n from replica`)).rows[0]!.n;
    await waitFor(async () => (await applied()) >= count, { timeoutMs: 600_000, intervalMs: 20 });
    const seconds = (performance.now() - started) / 1_000;
    process.stdout.write(
      `one consumer instance: ${count} replica upserts in ${seconds.toFixed(2)} s = ${Math.round(count / seconds)} events/s\n`,
    );
    await running.close();
  } finally {
    await bus.destroy();
    await database.drop();
  }
}

void main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
