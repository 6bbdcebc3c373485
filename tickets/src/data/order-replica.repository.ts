import { eq, sql } from 'drizzle-orm';
import type { Executor } from '@ticketing/common';
import { orderReplica } from './schema';

export type ReplicaOrder = typeof orderReplica.$inferSelect;
export type ReplicaOrderStatus = ReplicaOrder['status'];

export const orderReplicaRepository = {
  /** Locks the order's row: deliveries of one order's events take turns. */
  async lockById(tx: Executor, id: string): Promise<ReplicaOrder | undefined> {
    const [row] = await tx.select().from(orderReplica).where(eq(orderReplica.id, id)).for('update');
    return row;
  },

  async insert(
    tx: Executor,
    row: Pick<ReplicaOrder, 'id' | 'ticketId' | 'quantity' | 'status' | 'version'>,
  ): Promise<void> {
    await tx.insert(orderReplica).values(row);
  },

  async update(tx: Executor, id: string, status: ReplicaOrderStatus, version: number): Promise<void> {
    await tx
      .update(orderReplica)
      .set({ status, version, updatedAt: sql`now()` })
      .where(eq(orderReplica.id, id));
  },
};
