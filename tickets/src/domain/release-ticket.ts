import type { Executor } from '@ticketing/common';
import { closedOrdersRepository } from '../data/closed-orders.repository';
import { ticketsRepository } from '../data/tickets.repository';
import { applyHoldChange, skipped, type HoldOutcome } from './order-holds';

/** order.cancelled: the ticket goes back on sale, but only if this very order still holds it. */
export async function releaseTicket(tx: Executor, ticketId: string, orderId: string): Promise<HoldOutcome> {
  const ticket = await ticketsRepository.lockById(tx, ticketId);
  await closedOrdersRepository.record(tx, orderId, ticketId, 'cancelled');
  if (!ticket) return skipped('unknown ticket');
  if (ticket.orderId !== orderId) return skipped('ticket is not held by this order');
  if (ticket.status !== 'reserved') return skipped(`ticket is ${ticket.status}`);
  return applyHoldChange(tx, ticket, { status: 'available', orderId: null });
}
