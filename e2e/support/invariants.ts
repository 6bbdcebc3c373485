import { Client } from 'pg';
import { waitFor } from '@ticketing/common/testing';
import type { Platform } from './platform';

interface PaymentRow {
  id: string;
  order_id: string;
  user_id: string;
  status: string;
  amount_cents: number;
}
interface OrderRow {
  id: string;
  user_id: string;
  ticket_id: string;
  status: string;
  /** Price + service fee, fixed at reservation: what a kept payment must have charged. */
  total_cents: number;
}
interface TicketRow {
  id: string;
  status: string;
  order_id: string | null;
}

async function rows<T>(platform: Platform, service: string, sql: string): Promise<T[]> {
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
  const tickets = await rows<TicketRow>(platform, 'tickets', 'select id, status, order_id from tickets');
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
  const soldPending = orders.some(
    (o) => o.status === 'complete' && tickets.find((t) => t.id === o.ticket_id)?.status === 'reserved',
  );
  return paymentInFlight || soldPending;
}

/**
 * What the three services hold once no order is open and no refund or event is still on its way; after
 * 30 s, what they hold then (a state that never settles is itself reported as violations).
 */
async function settledState(platform: Platform): Promise<State> {
  const settled = await waitFor(
    async () => {
      const state = await currentState(platform);
      return unsettled(state) ? undefined : state;
    },
    { timeoutMs: 30_000, intervalMs: 200 },
  ).catch(() => undefined);
  return settled ?? currentState(platform);
}

/**
 * The whole-platform property, checked after a test file's journeys: every captured payment pays a
 * complete order whose ticket is sold to that buyer, for the order's total (price + fee), or is refunded; no ticket is sold twice; no order is
 * complete for a withdrawn ticket. Returns the violations, one line each.
 */
export async function platformViolations(platform: Platform): Promise<string[]> {
  const { payments, orders, tickets } = await settledState(platform);
  const orderById = new Map(orders.map((o) => [o.id, o]));
  const ticketById = new Map(tickets.map((t) => [t.id, t]));
  const violations: string[] = [];
  for (const payment of payments) {
    if (payment.status === 'refunded') continue;
    const order = orderById.get(payment.order_id);
    const ticket = order && ticketById.get(order.ticket_id);
    if (order?.status !== 'complete' || order.user_id !== payment.user_id) {
      violations.push(
        `payment ${payment.id} (${payment.status}) pays order ${payment.order_id} in ${order?.status}`,
      );
    } else if (payment.amount_cents !== order.total_cents) {
      violations.push(
        `payment ${payment.id} charged ${payment.amount_cents}, order total ${order.total_cents}`,
      );
    } else if (ticket?.status !== 'sold' || ticket.order_id !== order.id) {
      violations.push(
        `payment ${payment.id}: ticket ${order.ticket_id} is ${ticket?.status} for ${ticket?.order_id}`,
      );
    }
  }
  const completeByTicket = new Map<string, number>();
  for (const order of orders.filter((o) => o.status === 'complete')) {
    completeByTicket.set(order.ticket_id, (completeByTicket.get(order.ticket_id) ?? 0) + 1);
    const ticket = ticketById.get(order.ticket_id);
    if (ticket?.status === 'withdrawn')
      violations.push(`order ${order.id} is complete for a withdrawn ticket`);
    const paid = payments.filter((p) => p.order_id === order.id && p.status === 'succeeded');
    if (paid.length !== 1) violations.push(`complete order ${order.id} has ${paid.length} kept payments`);
  }
  for (const [ticketId, count] of completeByTicket) {
    if (count > 1) violations.push(`ticket ${ticketId} sold ${count} times`);
  }
  violations.push(...(await eticketViolations(platform, orders)));
  return violations;
}

/**
 * Every complete order holds exactly one e-ticket that still admits; a cancelled one holds none that
 * admits (a buyer-cancelled order keeps its voided e-ticket); an open one holds none at all.
 */
async function eticketViolations(platform: Platform, orders: OrderRow[]): Promise<string[]> {
  const etickets = await rows<{ order_id: string; voided_at: Date | null }>(
    platform,
    'orders',
    'select order_id, voided_at from etickets',
  );
  const violations: string[] = [];
  for (const order of orders) {
    const held = etickets.filter((e) => e.order_id === order.id);
    const valid = held.filter((e) => !e.voided_at).length;
    const wrong =
      order.status === 'complete'
        ? held.length !== 1 || valid !== 1
        : valid !== 0 || (order.status === 'created' && held.length > 0);
    if (wrong)
      violations.push(
        `order ${order.id} (${order.status}) has ${held.length} e-tickets, ${held.filter((e) => e.voided_at).length} voided`,
      );
  }
  return violations;
}
