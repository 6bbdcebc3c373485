import { Client } from 'pg';
import { agentFor, post } from './http';
import { latency, round, tally, type Latency } from './stats';
import type { LoadUser } from './users';

export interface ListingLagResult {
  listingsPerSecond: number;
  statuses: Record<string, number>;
  /** From the seller's 201 to the ticket being in orders' replica (what POST /api/orders reads). */
  lag: Latency;
  /** Listings that never reached the replica within the wait. */
  missing: number;
}

const POLL_MS = 5;

/**
 * Sellers list back to back on `connections` connections for `seconds` (the highest rate the platform
 * sustains); a poller on orders' database notes when each listing becomes orderable there.
 */
export async function listingLag(
  baseUrl: string,
  ordersUrl: string,
  sellers: LoadUser[],
  { connections, seconds }: { connections: number; seconds: number },
): Promise<ListingLagResult> {
  const agent = agentFor(connections);
  const listedAt = new Map<string, number>();
  const lags: number[] = [];
  const statuses: (number | 'error')[] = [];
  const db = new Client({ connectionString: ordersUrl });
  await db.connect();
  let listing = true;
  let stopAt = Infinity; // set when the sellers stop: late listings get 10 s more
  const poller = (async () => {
    while ((listing || listedAt.size) && performance.now() < stopAt) {
      const pending = [...listedAt.keys()];
      if (pending.length) {
        const { rows } = await db.query<{ id: string }>('select id from tickets where id = any($1::uuid[])', [
          pending,
        ]);
        const now = performance.now();
        for (const { id } of rows) {
          lags.push(now - listedAt.get(id)!);
          listedAt.delete(id);
        }
      }
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
  })();
  // Every listing goes into one event: what is measured is the listing, not the event.
  const event = await post(
    agent,
    `${baseUrl}/api/events`,
    {
      title: `Bench event ${Date.now()}`,
      venue: 'Bench hall',
      city: 'Benchville',
      startsAt: new Date(Date.now() + 30 * 86_400_000).toISOString(),
      timeZone: 'UTC',
    },
    sellers[0]!.headers,
  );
  if (event.status !== 201) throw new Error(`POST /api/events: ${event.status} ${event.body}`);
  const eventId = (JSON.parse(event.body) as { id: string }).id;
  const until = performance.now() + seconds * 1000;
  let n = 0;
  const seller = async () => {
    while (performance.now() < until) {
      const i = n++;
      const reply = await post(
        agent,
        `${baseUrl}/api/tickets`,
        { eventId, priceCents: 1000 + (i % 5000) },
        sellers[i % sellers.length]!.headers,
      );
      statuses.push(reply.status);
      if (reply.status === 201)
        listedAt.set((JSON.parse(reply.body) as { id: string }).id, performance.now());
    }
  };
  await Promise.all(Array.from({ length: connections }, seller));
  listing = false;
  stopAt = performance.now() + 10_000;
  await poller;
  await db.end();
  agent.destroy();
  const created = statuses.filter((status) => status === 201).length;
  return {
    listingsPerSecond: round(created / seconds, 0),
    statuses: tally(statuses),
    lag: latency(lags),
    missing: listedAt.size,
  };
}
