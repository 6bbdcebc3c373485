import { findById, type Executor } from '@ticketing/common';
import { orderReplica } from './schema';

type OrderOutcome = 'cancelled' | 'complete';
interface OrderFacts {
  id: string;
  userId: string;
  ticketId: string;
}

/** The replica of orders: written by the order events, read when a refund is announced. */
export const orderReplicaRepository = {
  /** An order.created arriving after the order's outcome (another consumer, another pace) changes nothing. */
  async saveCreated(tx: Executor, order: OrderFacts): Promise<void> {
    await tx
      .insert(orderReplica)
      .values({ ...order, status: 'created' })
      .onConflictDoNothing();
  },

  /** Paid and cancelled are final, whichever event arrives first. */
  async saveOutcome(tx: Executor, order: OrderFacts, status: OrderOutcome): Promise<void> {
    await tx
      .insert(orderReplica)
      .values({ ...order, status })
      .onConflictDoUpdate({ target: orderReplica.id, set: { status } });
  },

  find: (tx: Executor, id: string) => findById(tx, orderReplica, id),
};
