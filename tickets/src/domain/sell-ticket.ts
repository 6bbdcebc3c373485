import type { Executor } from '@ticketing/common';
import { closedOrdersRepository } from '../data/closed-orders.repository';
import { ticketsRepository } from '../data/tickets.repository';
import { applyHoldChange, skipped, type HoldOutcome } from './order-holds';

/** order.completed: the order paid, the ticket is sold to it. Only the order holding it can buy it. */
export async function sellTicket(tx: Executor, ticketId: string, orderId: string): Promise<HoldOutcome> {
  const ticket = await ticketsRepository.lockById(tx, ticketId);
  // Recorded even when the ticket is not held yet: reserveTicket turns a late order.created into a sale.
  await closedOrdersRepository.record(tx, orderId, ticketId, 'completed');
  if (!ticket) return skipped('unknown ticket');
  if (ticket.orderId !== orderId) return skipped('ticket is not held by this order');
  if (ticket.status !== 'reserved') return skipped(`ticket is ${ticket.status}`);
  return applyHoldChange(tx, ticket, { status: 'sold' });
}
