import { nextVersionDecision, type Executor, type OrderCancelled } from '@ticketing/common';
import { orderReplicaRepository } from '../data/order-replica.repository';
import { ticketsRepository } from '../data/tickets.repository';
import { applyHoldChange, skipped, type HoldOutcome } from './order-holds';

/**
 * order.cancelled: the order's tickets go back on sale, but only if tickets reserved them for it (not a
 * rejected order), or sold them to it and its buyer cancelled the paid order within the listing's window
 * (`buyer_cancelled`, the one way a sale is undone). A cancellation whose order.created has not been
 * applied yet waits for it (RetryLaterError): causal order per order.
 */
export async function releaseTicket(tx: Executor, order: OrderCancelled): Promise<HoldOutcome> {
  const known = await orderReplicaRepository.lockById(tx, order.id);
  if (nextVersionDecision(known?.version, order.version, `order ${order.id}`) === 'stale') {
    return skipped('stale or repeated order version');
  }
  await orderReplicaRepository.update(tx, order.id, 'cancelled', order.version);
  const sale = known?.status === 'complete' && order.reason === 'buyer_cancelled';
  if (!known || (known.status !== 'created' && !sale))
    return skipped(`the order was ${known?.status}, not holding tickets`);
  const ticket = await ticketsRepository.lockById(tx, order.ticket.id);
  if (!ticket) return skipped('unknown ticket');
  return applyHoldChange(
    tx,
    ticket,
    order.id,
    sale
      ? { reserved: ticket.reserved, sold: ticket.sold - known.quantity }
      : { reserved: ticket.reserved - known.quantity, sold: ticket.sold },
  );
}
