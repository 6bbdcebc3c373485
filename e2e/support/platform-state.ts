/** What the payments, orders and tickets databases of a platform run hold, read once it has settled. */
import { Client } from 'pg';
import { waitFor } from '@ticketing/common/testing';
import type { Platform } from './platform';

export interface PaymentRow {
  id: string;
  order_id: string;
  user_id: string;
  status: string;
  amount_cents: number;
}
export interface OrderRow {
  id: string;
  user_id: string;
  ticket_id: string;
  status: string;
  quantity: number;
  price_cents: number;
  service_fee_cents: number;
  /** price × quantity + service fee, fixed at reservation: what a kept payment must have charged. */
  total_cents: number;
}
export interface TicketRow {
  id: string;
  status: string;
  quantity: number;
  reserved: number;
  sold: number;
}

export async function rows<T>(platform: Platform, service: string, sql: string): Promise<T[]> {
  const client = new Client({ connectionString: platform.databaseUrl(service) });
  await client.connect();
  try {
    return (await client.query(sql)).rows as T[];
  } finally {
    await client.end();
  }
}

async function currentState(platform: Platform) {
  const payments = await rows<PaymentRow>(platform, 'payments', 'select * from payments');
  const orders = await rows<OrderRow>(platform, 'orders', 'select * from orders');
  const tickets = await rows<TicketRow>(
    platform,
    'tickets',
    'select id, status, quantity, reserved, sold from tickets',
  );
  return { payments, orders, tickets };
}
type State = Awaited<ReturnType<typeof currentState>>;

/** True while a refund or an event that the invariants depend on may still be on its way. */
function unsettled({ payments, orders, tickets }: State): boolean {
  const byOrder = new Map(orders.map((o) => [o.id, o]));
  const paymentInFlight = payments.some((p) => {
    const order = byOrder.get(p.order_id);
    // A kept charge for an open order awaits orders' decision; for a cancelled one, payments' refund.
    return p.status === 'refund_pending' || (p.status === 'succeeded' && order?.status !== 'complete');
  });
  // Tickets has not recorded every sale yet.
  const soldPending = [...completeQuantities(orders)].some(
    ([ticketId, sold]) => tickets.find((t) => t.id === ticketId)?.sold !== sold,
  );
  return paymentInFlight || soldPending;
}

/** Tickets bought by complete orders, per listing. */
export function completeQuantities(orders: OrderRow[]): Map<string, number> {
  const sold = new Map<string, number>();
  for (const order of orders.filter((o) => o.status === 'complete'))
    sold.set(order.ticket_id, (sold.get(order.ticket_id) ?? 0) + order.quantity);
  return sold;
}

/**
 * What the three services hold once no order is open and no refund or event is still on its way; after
 * 30 s, what they hold then (a state that never settles is itself reported as violations).
 */
export async function settledState(platform: Platform): Promise<State> {
  const settled = await waitFor(
    async () => {
      const state = await currentState(platform);
      return unsettled(state) ? undefined : state;
    },
    { timeoutMs: 30_000, intervalMs: 200 },
  ).catch(() => undefined);
  return settled ?? currentState(platform);
}
