import { findById, lockById, lockVersions, upsertMany, type Executor } from '@ticketing/common';
import { and, eq, sql } from 'drizzle-orm';
import { orderReplica } from './schema';

export type OrderReplicaRow = typeof orderReplica.$inferSelect;

/** Longer than the Stripe client may take for one call with its retries (15 s timeout, 2 retries). */
const CHARGE_CLAIM_LIFETIME = '2 minutes';

export const orderReplicaRepository = {
  find: (db: Executor, id: string) => findById(db, orderReplica, id),

  /** Serializes everything that settles money against one order (payment recording, cancellation). */
  lock: (tx: Executor, id: string) => lockById(tx, orderReplica, id),

  /**
   * Claims the order for one charge attempt, in one conditional UPDATE: only an open order, inside its
   * reservation window, with no other attempt in flight (an attempt older than the claim's lifetime is
   * presumed dead: its process crashed between claim and release). undefined when the claim failed.
   */
  async claimCharge(db: Executor, id: string, attemptId: string): Promise<OrderReplicaRow | undefined> {
    const [row] = await db
      .update(orderReplica)
      .set({ chargeAttemptId: attemptId, chargeStartedAt: sql`now()` })
      .where(
        and(
          eq(orderReplica.id, id),
          eq(orderReplica.status, 'created'),
          sql`${orderReplica.expiresAt} > now()`,
          sql`(${orderReplica.chargeAttemptId} is null or ${orderReplica.chargeStartedAt} < now() - ${CHARGE_CLAIM_LIFETIME}::interval)`,
        ),
      )
      .returning();
    return row;
  },

  async releaseCharge(db: Executor, id: string, attemptId: string): Promise<void> {
    await db
      .update(orderReplica)
      .set({ chargeAttemptId: null, chargeStartedAt: null })
      .where(and(eq(orderReplica.id, id), eq(orderReplica.chargeAttemptId, attemptId)));
  },

  /** Orders not there yet are added; a repeated creation changes nothing. */
  async insertIfAbsent(tx: Executor, rows: Array<typeof orderReplica.$inferInsert>): Promise<void> {
    await upsertMany(tx, orderReplica, rows, { target: orderReplica.id });
  },

  /** The stored versions of these orders, locked (in id order, so two batches never deadlock). */
  lockVersions: (tx: Executor, ids: string[]) => lockVersions(tx, orderReplica, ids),

  /** Marks orders complete at the given versions, in one statement. */
  async completeMany(tx: Executor, completed: Array<{ id: string; version: number }>): Promise<void> {
    if (completed.length === 0) return;
    await tx.execute(sql`update ${orderReplica} set status = 'complete', version = done.version
      from unnest(${sql.param(completed.map((o) => o.id))}::uuid[], ${sql.param(completed.map((o) => o.version))}::int[])
        as done(id, version)
      where ${orderReplica.id} = done.id`);
  },

  async update(
    tx: Executor,
    id: string,
    changes: Pick<OrderReplicaRow, 'status' | 'version'>,
  ): Promise<void> {
    await tx.update(orderReplica).set(changes).where(eq(orderReplica.id, id));
  },
};
