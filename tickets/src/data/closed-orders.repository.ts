import { eq } from 'drizzle-orm';
import type { Executor } from '@ticketing/common';
import { closedOrders } from './schema';

export type ClosedOrderOutcome = (typeof closedOrders.$inferSelect)['outcome'];

export const closedOrdersRepository = {
  /** Records the first outcome heard for an order; an order closes once. */
  async record(tx: Executor, orderId: string, ticketId: string, outcome: ClosedOrderOutcome): Promise<void> {
    await tx.insert(closedOrders).values({ orderId, ticketId, outcome }).onConflictDoNothing();
  },

  async outcomeOf(tx: Executor, orderId: string): Promise<ClosedOrderOutcome | undefined> {
    const [row] = await tx
      .select({ outcome: closedOrders.outcome })
      .from(closedOrders)
      .where(eq(closedOrders.orderId, orderId));
    return row?.outcome;
  },
};
