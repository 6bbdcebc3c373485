import { eq, sql } from 'drizzle-orm';
import { lockById, type Executor } from '@ticketing/common';
import { orderReplica } from './schema';

export type OrderReplicaRow = typeof orderReplica.$inferSelect;
export type OrderReplicaStatus = OrderReplicaRow['status'];

export const orderReplicaRepository = {
  /** Locks the order's row: deliveries of one order's events take turns. */
  lockById: (tx: Executor, id: string) => lockById(tx, orderReplica, id),

  async insert(
    tx: Executor,
    row: Pick<OrderReplicaRow, 'id' | 'ticketId' | 'quantity' | 'status' | 'version'>,
  ): Promise<void> {
    await tx.insert(orderReplica).values(row);
  },

  async update(tx: Executor, id: string, status: OrderReplicaStatus, version: number): Promise<void> {
    await tx
      .update(orderReplica)
      .set({ status, version, updatedAt: sql`now()` })
      .where(eq(orderReplica.id, id));
  },
};
