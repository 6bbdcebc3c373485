import type { Executor } from '@ticketing/common';
import { and, eq, sql } from 'drizzle-orm';
import { orders } from './schema';

export type OrderRow = typeof orders.$inferSelect;

/** Longer than the Stripe client may take for one call with its retries (15 s timeout, 2 retries). */
const CHARGE_CLAIM_LIFETIME = '2 minutes';

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

  /**
   * Claims the order for one charge attempt, in one conditional UPDATE: only an open order, inside its
   * reservation window, with no other attempt in flight (an attempt older than the claim's lifetime is
   * presumed dead: its process crashed between claim and release). undefined when the claim failed.
   */
  async claimCharge(db: Executor, id: string, attemptId: string): Promise<OrderRow | undefined> {
    const [row] = await db
      .update(orders)
      .set({ chargeAttemptId: attemptId, chargeStartedAt: sql`now()` })
      .where(
        and(
          eq(orders.id, id),
          eq(orders.status, 'created'),
          sql`${orders.expiresAt} > now()`,
          sql`(${orders.chargeAttemptId} is null or ${orders.chargeStartedAt} < now() - ${CHARGE_CLAIM_LIFETIME}::interval)`,
        ),
      )
      .returning();
    return row;
  },

  async releaseCharge(db: Executor, id: string, attemptId: string): Promise<void> {
    await db
      .update(orders)
      .set({ chargeAttemptId: null, chargeStartedAt: null })
      .where(and(eq(orders.id, id), eq(orders.chargeAttemptId, attemptId)));
  },

  /** true when inserted; a repeated creation changes nothing. */
  async insertIfAbsent(tx: Executor, order: typeof orders.$inferInsert): Promise<boolean> {
    const inserted = await tx.insert(orders).values(order).onConflictDoNothing().returning({ id: orders.id });
    return inserted.length > 0;
  },

  async update(tx: Executor, id: string, changes: Pick<OrderRow, 'status' | 'version'>): Promise<void> {
    await tx.update(orders).set(changes).where(eq(orders.id, id));
  },
};
