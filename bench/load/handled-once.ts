import { Client } from 'pg';

export interface HandledOnce {
  /** order.created events orders recorded (its outbox) during the run. */
  orderCreated: number;
  /** Per consuming service: how many of those events its processed_events holds (each at most once). */
  handledBy: Record<string, number>;
  /** Dead letters per service database: any is a failure. */
  deadLetters: Record<string, number>;
  ok: boolean;
}

const CONSUMERS_OF_ORDER_CREATED = ['tickets', 'payments', 'expiration', 'notifications'];

async function query<T>(url: string, text: string, values: unknown[] = []): Promise<T[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(text, values)).rows as T[];
  } finally {
    await client.end();
  }
}

/**
 * Every order.created event orders recorded was handled exactly once by each service that consumes it
 * (a `processed_events` row per consumer and event: its primary key forbids a second one, so equal counts
 * mean none missing and none twice), and no service dead-lettered anything. Meaningful with several
 * instances sharing one durable consumer. Waits (up to 2 minutes) for the slowest consumer.
 */
export async function handledOnce(databaseUrl: (service: string) => string): Promise<HandledOnce> {
  const ids = (
    await query<{ id: string }>(
      databaseUrl('orders'),
      `select id from outbox where subject like '%order.created.v1'`,
    )
  ).map((row) => row.id);
  // The bench waited for orders ⇄ tickets to settle; the other consumers may still be catching up.
  const handledBy: Record<string, number> = {};
  const deadline = Date.now() + 120_000;
  for (;;) {
    for (const service of CONSUMERS_OF_ORDER_CREATED) {
      const [row] = await query<{ n: number }>(
        databaseUrl(service),
        `select count(*)::int as n from processed_events where event_id = any($1::uuid[])`,
        [ids],
      );
      handledBy[service] = row!.n;
    }
    if (Object.values(handledBy).every((n) => n === ids.length) || Date.now() > deadline) break;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  const deadLetters: Record<string, number> = {};
  for (const service of ['orders', ...CONSUMERS_OF_ORDER_CREATED]) {
    const [row] = await query<{ n: number }>(
      databaseUrl(service),
      `select count(*)::int as n from dead_letters`,
    );
    deadLetters[service] = row!.n;
  }
  const ok =
    Object.values(handledBy).every((n) => n === ids.length) &&
    Object.values(deadLetters).every((n) => n === 0);
  return { orderCreated: ids.length, handledBy, deadLetters, ok };
}
