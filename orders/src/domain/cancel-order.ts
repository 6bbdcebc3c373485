import { orderCancelled, outbox, type CancellationReason, type Db, type Executor } from '@ticketing/common';
import { ordersRepository } from '../data/orders.repository';
import { ticketReplicaRepository } from '../data/ticket-replica.repository';
import { OrderNotFoundError } from './errors';
import { cancelled, isOwnedBy, NotYourOrderError, toOrderEvent, type Order } from './order';

/** The buyer gives up an open order; the ticket goes back on sale once tickets hears of it. */
export async function cancelOrder(db: Db, orderId: string, userId: string): Promise<Order> {
  return db.transaction(async (tx) => {
    const order = await ordersRepository.lockById(tx, orderId);
    if (!order) throw new OrderNotFoundError();
    if (!isOwnedBy(order, userId)) throw new NotYourOrderError();
    return recordCancellation(tx, order, 'user');
  });
}

/** Saves the cancellation of a locked order, gives its tickets back, and announces it with the new version. */
export async function recordCancellation(
  tx: Executor,
  order: Order,
  reason: CancellationReason,
): Promise<Order> {
  const saved = await ordersRepository.save(tx, cancelled(order, reason, new Date()));
  await ticketReplicaRepository.release(tx, saved.ticketId, saved.quantity);
  await outbox.add(tx, orderCancelled, { ...toOrderEvent(saved), reason });
  return saved;
}
