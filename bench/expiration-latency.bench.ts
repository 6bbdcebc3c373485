/**
 * How late after expiresAt an expiration.complete is published (DESIGN: a reservation ends on time):
 *   npm run bench:expiration -- [orders=50] [spreadSeconds=3]
 * Schedules `orders` order.created events due 1…1+spread s ahead on a test instance of the expiration
 * service (real Redis, NATS, PostgreSQL) and prints the lateness distribution. Figures only.
 */
import { expirationComplete, orderCreated } from '@ticketing/common';
import { waitFor } from '@ticketing/common/testing';
import { inspectQueue, orderCreatedData, secondsFromNow, startExpiration } from '../expiration/test/support';

const orders = Number(process.argv[2] ?? 50);
const spread = Number(process.argv[3] ?? 3);

async function main() {
  const service = await startExpiration();
  const queue = inspectQueue(service.env);
  const arrivals = new Map<string, number>();
  const recorder = service.recorder!;
  try {
    const scheduled = Array.from({ length: orders }, (_, i) =>
      orderCreatedData(secondsFromNow(1 + (spread * i) / orders)),
    );
    for (const order of scheduled) await service.bus.publish(orderCreated, order);
    await waitFor(
      () => {
        for (const event of recorder.of(expirationComplete))
          arrivals.set(event.data.orderId, arrivals.get(event.data.orderId) ?? Date.now());
        return arrivals.size >= orders;
      },
      { timeoutMs: (spread + 30) * 1_000, intervalMs: 2 },
    );
    const lateness = scheduled
      .map((o) => arrivals.get(o.id)! - Date.parse(o.expiresAt))
      .sort((a, b) => a - b);
    const at = (q: number) => lateness[Math.min(lateness.length - 1, Math.floor(q * lateness.length))]!;
    console.warn(`expirations: ${orders} due over ${spread}s`);
    console.warn(
      `lateness after expiresAt (ms): min ${lateness[0]} p50 ${at(0.5)} p95 ${at(0.95)} max ${lateness.at(-1)}`,
    );
  } finally {
    await queue.destroy();
    await service.close();
  }
}

void main();
