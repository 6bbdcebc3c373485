import { upsertMany, type Executor } from '@ticketing/common';
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
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

  /** Orders not there yet are added; a repeated creation changes nothing. */
  async insertIfAbsent(tx: Executor, rows: Array<typeof orders.$inferInsert>): Promise<void> {
    await upsertMany(tx, orders, rows, { target: orders.id });
  },

  /** The stored versions of these orders, locked (in id order, so two batches never deadlock). */
  async lockVersions(tx: Executor, ids: string[]): Promise<Map<string, number>> {
    const rows = await tx
      .select({ id: orders.id, version: orders.version })
      .from(orders)
      .where(inArray(orders.id, [...new Set(ids)]))
      .orderBy(asc(orders.id))
      .for('update');
    return new Map(rows.map((row) => [row.id, row.version]));
  },

  /** Marks orders complete at the given versions, in one statement. */
  async completeMany(tx: Executor, completed: Array<{ id: string; version: number }>): Promise<void> {
    if (completed.length === 0) return;
    await tx.execute(sql`update ${orders} set status = 'complete', version = done.version
      from unnest(${sql.param(completed.map((o) => o.id))}::uuid[], ${sql.param(completed.map((o) => o.version))}::int[])
        as done(id, version)
      where ${orders.id} = done.id`);
  },

  async update(tx: Executor, id: string, changes: Pick<OrderRow, 'status' | 'version'>): Promise<void> {
    await tx.update(orders).set(changes).where(eq(orders.id, id));
  },
};
