/**
 * Event bus throughput and memory, against the machine's real PostgreSQL and NATS JetStream:
 *   npm run bench:bus -- [events=5000] [batch=50]
 * 1. commit `events` outbox rows (`batch` per transaction) and time until the relay has published all;
 * 2. consume them with a durable consumer (processed_events + handler transaction per message).
 * Prints figures only; nothing is asserted.
 */
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { isNull, sql } from 'drizzle-orm';
import {
  consumer,
  createLogger,
  EventConsumer,
  outbox,
  outboxTable,
  OutboxRelay,
  ticketCreated,
} from '@ticketing/common';
import { createMigratedDatabase, createTestBus, waitFor } from '@ticketing/common/testing';

const events = Number(process.argv[2] ?? 5_000);
const batch = Number(process.argv[3] ?? 50);
const logger = createLogger('bench', 'silent');
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

async function main() {
  const database = await createMigratedDatabase('bench_bus');
  const bus = await createTestBus({ maxDeliveries: 5 });
  const rssBefore = process.memoryUsage().rss;
  try {
    const relay = new OutboxRelay(bus, database, logger);
    const eventDate = new Date(Date.now() + 86_400_000).toISOString();
    const started = performance.now();
    for (let i = 0; i < events; i += batch) {
      await database.db.transaction(async (tx) => {
        for (let j = i; j < Math.min(i + batch, events); j++) {
          await outbox.add(tx, ticketCreated, {
            id: randomUUID(),
            version: 0,
            title: `Bench ${j}`,
            venue: 'Hall',
            eventDate,
            priceCents: 1000 + j,
            currency: 'usd',
            sellerId: randomUUID(),
            status: 'available',
          });
        }
      });
    }
    const committed = performance.now();
    await waitFor(
      async () =>
        (await database.db.select().from(outboxTable).where(isNull(outboxTable.sentAt)).limit(1)).length ===
        0,
      { timeoutMs: 600_000, intervalMs: 50 },
    );
    const published = performance.now();
    await relay.close();

    let handled = 0;
    const definition = consumer(ticketCreated, 'bench', async (tx) => {
      await tx.execute(sql`select 1`);
      handled++;
    });
    const consumeStart = performance.now();
    const running = await new EventConsumer(bus, database, definition, logger).start();
    await waitFor(() => handled >= events, { timeoutMs: 600_000, intervalMs: 50 });
    const consumed = performance.now();
    await running.close();

    const rate = (n: number, ms: number) => `${Math.round((n / ms) * 1000)} events/s`;
    console.warn(`events: ${events} in transactions of ${batch}`);
    console.warn(
      `commit (outbox rows):        ${(committed - started).toFixed(0)} ms  ${rate(events, committed - started)}`,
    );
    console.warn(
      `relay publish, end to end:   ${(published - started).toFixed(0)} ms  ${rate(events, published - started)}`,
    );
    console.warn(
      `consume (tx + processed row): ${(consumed - consumeStart).toFixed(0)} ms  ${rate(events, consumed - consumeStart)}`,
    );
    console.warn(
      `rss: ${mb(rssBefore)} → ${mb(process.memoryUsage().rss)}; heap used ${mb(process.memoryUsage().heapUsed)}`,
    );
  } finally {
    await bus.destroy();
    await database.drop();
  }
}

void main();
