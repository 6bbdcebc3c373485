import { Client } from 'pg';

/**
 * Waits until every order's round trip has come back: each open order's ticket shows as reserved in
 * orders' replica (order.created → tickets → ticket.updated → orders). Returns the seconds it took.
 */
export async function waitForSettled(ordersUrl: string, timeoutMs = 180_000): Promise<number> {
  const client = new Client({ connectionString: ordersUrl });
  await client.connect();
  const started = performance.now();
  try {
    for (;;) {
      const { rows } = await client.query<{ open: number; reserved: number }>(
        `select (select count(*)::int from orders where status = 'created') as open,
                (select count(*)::int from tickets where status = 'reserved') as reserved`,
      );
      if (rows[0]!.open === rows[0]!.reserved) return (performance.now() - started) / 1000;
      if (performance.now() - started > timeoutMs)
        throw new Error(`events did not settle: ${rows[0]!.open} open orders, ${rows[0]!.reserved} reserved`);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  } finally {
    await client.end();
  }
}
