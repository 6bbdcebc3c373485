import { lockById, olderThan, type Executor, type Keyset } from '@ticketing/common';
import { and, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { notifyRefundWorker } from './refunds.repository';
import { payments } from './schema';

export type PaymentRow = typeof payments.$inferSelect;
export type NewPayment = typeof payments.$inferInsert;
export interface PaymentFilter {
  userId?: string;
  orderId?: string;
}

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

  /** Newest first: a buyer's (`userId`), or every user's for the admin console; optionally of one order. */
  async list(db: Executor, filter: PaymentFilter, limit: number, after?: Keyset): Promise<PaymentRow[]> {
    const where = and(
      filter.userId ? eq(payments.userId, filter.userId) : undefined,
      filter.orderId ? eq(payments.orderId, filter.orderId) : undefined,
    );
    return listNewestFirst(db, where, limit, after);
  },

  lockById: (tx: Executor, id: string) => lockById(tx, payments, id),
};

function listNewestFirst(db: Executor, where: SQL | undefined, limit: number, after?: Keyset) {
  const older = olderThan(payments.createdAt, payments.id, after);
  return db
    .select()
    .from(payments)
    .where(and(where, older))
    .orderBy(desc(payments.createdAt), desc(payments.id))
    .limit(limit);
}
