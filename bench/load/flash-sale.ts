import { agentFor, post } from './http';
import { latency, round, tally, type Latency } from './stats';
import type { LoadUser } from './users';

export interface FlashSaleResult {
  buyers: number;
  tickets: number;
  statuses: Record<string, number>;
  /** Tickets answered 201 more than once, or holding more than one open order in orders' database. */
  oversold: number;
  latency: Latency;
  wallMs: number;
  /** The body of one answer per unexpected status, to say what went wrong. */
  unexpected: Record<string, string>;
}

/**
 * Every buyer asks at the same moment, each on a connection of its own, for one of `ticketIds` (buyer i
 * for ticket i mod M): exactly one 201 per ticket and 409 for everyone else is the only right outcome.
 */
export async function flashSale(
  baseUrl: string,
  buyers: LoadUser[],
  ticketIds: string[],
  activeOrders: (ticketIds: string[]) => Promise<Map<string, number>>,
): Promise<FlashSaleResult> {
  const agent = agentFor();
  const started = performance.now();
  const replies = await Promise.all(
    buyers.map((buyer, i) =>
      post(agent, `${baseUrl}/api/orders`, { ticketId: ticketIds[i % ticketIds.length] }, buyer.headers).then(
        (reply) => ({ ...reply, ticketId: ticketIds[i % ticketIds.length]! }),
      ),
    ),
  );
  const wallMs = performance.now() - started;
  agent.destroy();
  const wins = new Map<string, number>();
  for (const reply of replies)
    if (reply.status === 201) wins.set(reply.ticketId, (wins.get(reply.ticketId) ?? 0) + 1);
  const inDatabase = await activeOrders(ticketIds);
  const oversold = ticketIds.filter((id) => (wins.get(id) ?? 0) > 1 || (inDatabase.get(id) ?? 0) > 1).length;
  const unexpected: Record<string, string> = {};
  for (const reply of replies)
    if (reply.status !== 201 && reply.status !== 409)
      unexpected[String(reply.status)] ??= reply.body.slice(0, 200);
  return {
    unexpected,
    buyers: buyers.length,
    tickets: ticketIds.length,
    statuses: tally(replies.map((reply) => reply.status)),
    oversold,
    latency: latency(replies.map((reply) => reply.ms)),
    wallMs: round(wallMs, 0),
  };
}
