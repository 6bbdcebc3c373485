import {
  failureText,
  fromNow,
  notifyAfterCommit,
  olderThan,
  type Executor,
  type Keyset,
} from '@ticketing/common';
import { and, asc, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { payments } from './schema';

export type PaymentRow = typeof payments.$inferSelect;
export type NewPayment = typeof payments.$inferInsert;
export interface PaymentFilter {
  userId?: string;
  orderId?: string;
}

/** Woken at commit, so a refund starts as soon as the decision to refund is durable. */
export const REFUNDS_CHANNEL = 'payment_refunds';

export const paymentsRepository = {
  async findByProviderId(db: Executor, providerPaymentId: string): Promise<PaymentRow | undefined> {
    const [row] = await db.select().from(payments).where(eq(payments.providerPaymentId, providerPaymentId));
    return row;
  },

  /** The charge that pays the order (or is being refunded): a new one would be a double charge. */
  async findActiveForOrder(db: Executor, orderId: string): Promise<PaymentRow | undefined> {
    const [row] = await db
      .select()
      .from(payments)
      .where(and(eq(payments.orderId, orderId), inArray(payments.status, ['succeeded', 'refund_pending'])));
    return row;
  },

  async insert(tx: Executor, payment: NewPayment): Promise<PaymentRow> {
    const requested = payment.status === 'refund_pending' ? { refundRequestedAt: sql`now()` } : {};
    const [row] = await tx
      .insert(payments)
      .values({ ...payment, ...requested })
      .returning();
    if (payment.status === 'refund_pending') await notifyRefundWorker(tx);
    return row!;
  },

  async setCard(tx: Executor, id: string, card: { brand: string; last4: string }): Promise<PaymentRow> {
    const [row] = await tx
      .update(payments)
      .set({ cardBrand: card.brand, cardLast4: card.last4 })
      .where(eq(payments.id, id))
      .returning();
    return row!;
  },

  async markRefundPending(tx: Executor, id: string, reason: string): Promise<void> {
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
  async claimDueRefunds(db: Executor, limit: number, leaseMs: number): Promise<PaymentRow[]> {
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
  async recordRefundFailure(
    db: Executor,
    id: string,
    error: string,
    outcome: { giveUp: boolean; retryInMs: number },
  ): Promise<void> {
    await db
      .update(payments)
      .set({
        status: outcome.giveUp ? 'refund_failed' : 'refund_pending',
        refundLastError: failureText(error),
        refundNextAttemptAt: fromNow(outcome.retryInMs),
      })
      .where(and(eq(payments.id, id), eq(payments.status, 'refund_pending')));
  },

  async listRefundFailed(db: Executor): Promise<PaymentRow[]> {
    return db
      .select()
      .from(payments)
      .where(eq(payments.status, 'refund_failed'))
      .orderBy(asc(payments.createdAt));
  },

  /** An operator asks for another round of attempts; the worker is woken at commit. */
  async retryFailedRefund(tx: Executor, id: string): Promise<PaymentRow | undefined> {
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

  /** Newest first; the cursor is the last row seen (created_at, id). */
  /** Newest first: a buyer's (`userId`), or every user's for the admin console; optionally of one order. */
  async list(db: Executor, filter: PaymentFilter, limit: number, after?: Keyset): Promise<PaymentRow[]> {
    const where = and(
      filter.userId ? eq(payments.userId, filter.userId) : undefined,
      filter.orderId ? eq(payments.orderId, filter.orderId) : undefined,
    );
    return listNewestFirst(db, where, limit, after);
  },

  async lockById(tx: Executor, id: string): Promise<PaymentRow | undefined> {
    const [row] = await tx.select().from(payments).where(eq(payments.id, id)).for('update');
    return row;
  },
};

async function notifyRefundWorker(tx: Executor): Promise<void> {
  await notifyAfterCommit(tx, REFUNDS_CHANNEL);
}

function listNewestFirst(db: Executor, where: SQL | undefined, limit: number, after?: Keyset) {
  const older = olderThan(payments.createdAt, payments.id, after);
  return db
    .select()
    .from(payments)
    .where(and(where, older))
    .orderBy(desc(payments.createdAt), desc(payments.id))
    .limit(limit);
}
