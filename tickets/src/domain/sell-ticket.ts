import { nextVersionDecision, type Executor, type OrderCompleted } from '@ticketing/common';
import { orderReplicaRepository } from '../data/order-replica.repository';
import { ticketsRepository } from '../data/tickets.repository';
import { applyHoldChange, skipped, type HoldOutcome } from './order-holds';

/** order.completed: the order paid, the ticket is sold to it; waits for its order.created like a cancel. */
export async function sellTicket(tx: Executor, order: OrderCompleted): Promise<HoldOutcome> {
  const known = await orderReplicaRepository.lockById(tx, order.id);
  if (nextVersionDecision(known?.version, order.version, `order ${order.id}`) === 'stale') {
    return skipped('stale or repeated order version');
  }
  await orderReplicaRepository.update(tx, order.id, 'complete', order.version);
  if (known?.status === 'rejected') return skipped('completed an order whose reservation was rejected');
  const ticket = await ticketsRepository.lockById(tx, order.ticket.id);
  if (!ticket) return skipped('unknown ticket');
  if (ticket.orderId !== order.id) return skipped('ticket is not held by this order');
  if (ticket.status !== 'reserved') return skipped(`ticket is ${ticket.status}`);
  return applyHoldChange(tx, ticket, { status: 'sold' });
}
