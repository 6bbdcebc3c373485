import type { Executor } from '@ticketing/common';
import { closedOrdersRepository } from '../data/closed-orders.repository';
import { ticketsRepository } from '../data/tickets.repository';
import { applyHoldChange, skipped, type HoldOutcome } from './order-holds';

/**
 * order.created: the order holds the ticket. Orders checks availability against its replica, so a ticket
 * that is not available here means a lost race or a withdrawal it had not heard of yet: leave it alone.
 */
export async function reserveTicket(tx: Executor, ticketId: string, orderId: string): Promise<HoldOutcome> {
  const ticket = await ticketsRepository.lockById(tx, ticketId);
  if (!ticket) return skipped('unknown ticket');
  if (ticket.orderId === orderId) return skipped('already held by this order');
  // Read under the ticket lock: a concurrent cancellation either committed before or will see our hold.
  const closed = await closedOrdersRepository.outcomeOf(tx, orderId);
  if (closed === 'cancelled') return skipped('order was cancelled before it was created here');
  if (ticket.status !== 'available') return skipped(`ticket is ${ticket.status}`);
  // A completion that overtook its creation: the order paid, so the ticket is sold to it.
  return applyHoldChange(tx, ticket, { status: closed === 'completed' ? 'sold' : 'reserved', orderId });
}
