import { nextVersionDecision, type Executor, type OrderCompleted } from '@ticketing/common';
import { orderReplicaRepository } from '../data/order-replica.repository';
import { ticketsRepository } from '../data/tickets.repository';
import { applyHoldChange, skipped, type HoldOutcome } from './order-holds';

/** order.completed: the order paid, its reserved tickets are sold; waits for its order.created like a cancel. */
export async function sellTicket(tx: Executor, order: OrderCompleted): Promise<HoldOutcome> {
  const known = await orderReplicaRepository.lockById(tx, order.id);
  if (nextVersionDecision(known?.version, order.version, `order ${order.id}`) === 'stale') {
    return skipped('stale or repeated order version');
  }
  await orderReplicaRepository.update(tx, order.id, 'complete', order.version);
  if (known?.status !== 'created') return skipped(`completed an order that was ${known?.status}`);
  const ticket = await ticketsRepository.lockById(tx, order.ticket.id);
  if (!ticket) return skipped('unknown ticket');
  return applyHoldChange(tx, ticket, order.id, {
    reserved: ticket.reserved - known.quantity,
    sold: ticket.sold + known.quantity,
  });
}
