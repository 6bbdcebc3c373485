import { nextVersionDecision, type Executor, type OrderCancelled } from '@ticketing/common';
import { orderReplicaRepository } from '../data/order-replica.repository';
import { ticketsRepository } from '../data/tickets.repository';
import { applyHoldChange, skipped, type HoldOutcome } from './order-holds';

/**
 * order.cancelled: the ticket goes back on sale, but only if this very order holds it (reserved, or sold
 * when its buyer cancelled the paid order within the listing's window). A cancellation
 * whose order.created has not been applied yet waits for it (RetryLaterError): causal order per order.
 */
export async function releaseTicket(tx: Executor, order: OrderCancelled): Promise<HoldOutcome> {
  const known = await orderReplicaRepository.lockById(tx, order.id);
  if (nextVersionDecision(known?.version, order.version, `order ${order.id}`) === 'stale') {
    return skipped('stale or repeated order version');
  }
  await orderReplicaRepository.update(tx, order.id, 'cancelled', order.version);
  const ticket = await ticketsRepository.lockById(tx, order.ticket.id);
  if (!ticket) return skipped('unknown ticket');
  if (ticket.orderId !== order.id) return skipped('ticket is not held by this order');
  // A sold ticket comes back only when its buyer cancelled the paid order (the one way a sale is undone).
  const releasable =
    ticket.status === 'reserved' || (ticket.status === 'sold' && order.reason === 'buyer_cancelled');
  if (!releasable) return skipped(`ticket is ${ticket.status}`);
  return applyHoldChange(tx, ticket, { status: 'available', orderId: null });
}
