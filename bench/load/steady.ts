import type { LoadUser } from './users';
import { round, type Latency } from './stats';

export interface SteadyResult {
  created: number;
  ordersPerSecond: number;
  latency: Latency;
  /** Anything but 201: non-2xx answers, timeouts and connection errors. */
  errors: number;
  statuses: Record<string, number>;
}

interface AutocannonResult {
  requests: { total: number };
  latency: { p50: number; p99: number; max: number };
  errors: number;
  timeouts: number;
  non2xx: number;
  duration: number;
  statusCodeStats: Record<string, { count: number }>;
  '2xx': number;
}
type Autocannon = (opts: Record<string, unknown>) => Promise<AutocannonResult>;

/**
 * Closed-loop ordering with autocannon: `connections` clients, each request for a ticket nobody asked for
 * yet, by buyers taken in turn (so no buyer nears the per-user order limit).
 */
export async function steadyOrdering(
  url: string,
  buyers: LoadUser[],
  ticketIds: string[],
  { connections, seconds }: { connections: number; seconds: number },
): Promise<SteadyResult> {
  const autocannon = (await import('autocannon' as string)).default as Autocannon;
  let next = 0;
  const result = await autocannon({
    url,
    connections,
    duration: seconds,
    requests: [
      {
        method: 'POST',
        path: '/api/orders',
        setupRequest: (req: Record<string, unknown>) => {
          // Past the seeded stock, tickets come round again and answer 409: counted as errors.
          const i = next++ % ticketIds.length;
          return {
            ...req,
            headers: { ...buyers[i % buyers.length]!.headers, 'content-type': 'application/json' },
            body: JSON.stringify({ ticketId: ticketIds[i] }),
          };
        },
      },
    ],
  });
  const statuses = Object.fromEntries(
    Object.entries(result.statusCodeStats).map(([code, { count }]) => [code, count]),
  );
  const created = statuses['201'] ?? 0;
  return {
    created,
    ordersPerSecond: round(created / result.duration, 0),
    latency: { p50: result.latency.p50, p99: result.latency.p99, max: result.latency.max },
    errors: result.non2xx + result.errors,
    statuses,
  };
}
