import { failedAttempt, fromNow, notifyAfterCommit, type Executor } from '@ticketing/common';
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { PaymentRow } from './payments.repository';
import { payments } from './schema';

/** Woken at commit, so a refund starts as soon as the decision to refund is durable. */
export const REFUNDS_CHANNEL = 'payment_refunds';

export async function notifyRefundWorker(tx: Executor): Promise<void> {
  await notifyAfterCommit(tx, REFUNDS_CHANNEL);
}

/**
 * The refund queue kept on the payments table: a payment to refund is `refund_pending` until the worker
 * has Stripe's refund (`refunded`) or has run out of attempts (`refund_failed`, for an operator).
 */
export const refundsRepository = {
  async markPending(tx: Executor, id: string, reason: string): Promise<void> {
    await tx
      .update(payments)
      .set({
        status: 'refund_pending',
        refundReason: reason,
        refundNextAttemptAt: sql`now()`,
        refundRequestedAt: sql`now()`,
      })
      .where(and(eq(payments.id, id), eq(payments.status, 'succeeded')));
    await notifyRefundWorker(tx);
  },

  /**
   * Takes up to `limit` due refunds, soonest due first, skipping rows another worker holds, and leases
   * them: the attempt is counted and the next one pushed `leaseMs` away, so a crash mid-attempt is retried
   * then. Stripe is called after this commits, with no lock held.
   */
  async claimDue(db: Executor, limit: number, leaseMs: number): Promise<PaymentRow[]> {
    const result = await db.execute<{ id: string }>(sql`
      update payments set refund_attempts = refund_attempts + 1,
        refund_next_attempt_at = ${fromNow(leaseMs)}
      where id in (
        select id from payments
        where status = 'refund_pending' and refund_next_attempt_at <= now()
        order by refund_next_attempt_at
        limit ${limit}
        for update skip locked)
      returning id`);
    const ids = result.rows.map((r) => r.id);
    return ids.length ? db.select().from(payments).where(inArray(payments.id, ids)) : [];
  },

  /** A failed attempt: retried after `retryInMs`, or given up (refund_failed) once attempts ran out. */
  async recordFailure(
    db: Executor,
    id: string,
    error: string,
    outcome: { giveUp: boolean; retryInMs: number },
  ): Promise<void> {
    const { lastError, dueAt } = failedAttempt(error, outcome.retryInMs);
    await db
      .update(payments)
      .set({
        status: outcome.giveUp ? 'refund_failed' : 'refund_pending',
        refundLastError: lastError,
        refundNextAttemptAt: dueAt,
      })
      .where(and(eq(payments.id, id), eq(payments.status, 'refund_pending')));
  },

  async listFailed(db: Executor): Promise<PaymentRow[]> {
    return db
      .select()
      .from(payments)
      .where(eq(payments.status, 'refund_failed'))
      .orderBy(asc(payments.createdAt));
  },

  /** An operator asks for another round of attempts; the worker is woken at commit. */
  async retryFailed(tx: Executor, id: string): Promise<PaymentRow | undefined> {
    const [row] = await tx
      .update(payments)
      .set({
        status: 'refund_pending',
        refundAttempts: 0,
        refundNextAttemptAt: sql`now()`,
        refundRequestedAt: sql`now()`,
      })
      .where(and(eq(payments.id, id), eq(payments.status, 'refund_failed')))
      .returning();
    if (row) await notifyRefundWorker(tx);
    return row;
  },

  /** The row when this call finished the refund; undefined when another worker already had. */
  async markRefunded(
    tx: Executor,
    id: string,
    providerRefundId: string | null,
  ): Promise<PaymentRow | undefined> {
    const [row] = await tx
      .update(payments)
      .set({ status: 'refunded', providerRefundId, refundedAt: sql`now()` })
      .where(and(eq(payments.id, id), eq(payments.status, 'refund_pending')))
      .returning();
    return row;
  },
};
