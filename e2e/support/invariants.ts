import type { Platform } from './platform';
import { completeQuantities, type OrderRow, rows, settledState } from './platform-state';

/**
 * The whole-platform property, checked after a test file's journeys: every captured payment pays a
 * complete order, for its total (price × quantity + the service fee on that subtotal), or is refunded; a
 * listing's sold count is exactly what its complete orders bought and never more than it held; no order
 * is complete for a withdrawn listing. Returns the violations, one line each.
 */
export async function platformViolations(platform: Platform): Promise<string[]> {
  const { payments, orders, tickets } = await settledState(platform);
  const orderById = new Map(orders.map((o) => [o.id, o]));
  const ticketById = new Map(tickets.map((t) => [t.id, t]));
  const violations: string[] = [];
  for (const payment of payments) {
    if (payment.status === 'refunded') continue;
    const order = orderById.get(payment.order_id);
    if (order?.status !== 'complete' || order.user_id !== payment.user_id) {
      violations.push(
        `payment ${payment.id} (${payment.status}) pays order ${payment.order_id} in ${order?.status}`,
      );
    } else if (order.total_cents !== order.price_cents * order.quantity + order.service_fee_cents) {
      violations.push(
        `order ${order.id}: total ${order.total_cents} is not ${order.quantity} x ${order.price_cents} + fee ${order.service_fee_cents}`,
      );
    } else if (payment.amount_cents !== order.total_cents) {
      violations.push(
        `payment ${payment.id} took ${payment.amount_cents} for an order total of ${order.total_cents}`,
      );
    }
  }
  for (const order of orders.filter((o) => o.status === 'complete')) {
    if (ticketById.get(order.ticket_id)?.status === 'withdrawn')
      violations.push(`order ${order.id} is complete for a withdrawn ticket`);
    const paid = payments.filter((p) => p.order_id === order.id && p.status === 'succeeded');
    if (paid.length !== 1) violations.push(`complete order ${order.id} has ${paid.length} kept payments`);
  }
  for (const [ticketId, bought] of completeQuantities(orders)) {
    const ticket = ticketById.get(ticketId);
    if (!ticket || bought > ticket.quantity || ticket.sold !== bought)
      violations.push(
        `ticket ${ticketId}: complete orders bought ${bought}, tickets sold ${ticket?.sold} of ${ticket?.quantity}`,
      );
  }
  violations.push(...(await eticketViolations(platform, orders)));
  return violations;
}

/**
 * Every complete order holds one e-ticket per ticket it bought, each still admitting; a cancelled one
 * holds none that admits (a buyer-cancelled order keeps its voided e-tickets); an open one holds none.
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
    const voided = held.filter((e) => e.voided_at).length;
    const wrong =
      order.status === 'complete'
        ? held.length !== order.quantity || voided > 0
        : voided !== held.length || (order.status === 'created' && held.length > 0);
    if (wrong)
      violations.push(
        `order ${order.id} (${order.status}) has ${held.length} e-tickets, ${held.filter((e) => e.voided_at).length} voided`,
      );
  }
  return violations;
}
