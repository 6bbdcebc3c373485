import type { Executor } from '@ticketing/common';
import { eq } from 'drizzle-orm';
import { orders } from './schema';

export type OrderRow = typeof orders.$inferSelect;

export const ordersRepository = {
  async find(db: Executor, id: string): Promise<OrderRow | undefined> {
    const [row] = await db.select().from(orders).where(eq(orders.id, id));
    return row;
  },

  /** Serializes everything that settles money against one order (payment recording, cancellation). */
  async lock(tx: Executor, id: string): Promise<OrderRow | undefined> {
    const [row] = await tx.select().from(orders).where(eq(orders.id, id)).for('update');
    return row;
  },

  /** true when inserted; a repeated creation changes nothing. */
  async insertIfAbsent(tx: Executor, order: OrderRow): Promise<boolean> {
    const inserted = await tx.insert(orders).values(order).onConflictDoNothing().returning({ id: orders.id });
    return inserted.length > 0;
  },

  async update(tx: Executor, id: string, changes: Pick<OrderRow, 'status' | 'version'>): Promise<void> {
    await tx.update(orders).set(changes).where(eq(orders.id, id));
  },
};
