import { olderThan, type Executor, type Keyset } from '@ticketing/common';
import { and, desc, eq, or, sql, type SQL } from 'drizzle-orm';
import { orderReplica, payments } from './schema';

/**
 * A seller's sales: the payment that paid each of their orders, kept (the order is complete) or refunded
 * because the buyer cancelled. Duplicate or late charges refunded for other reasons were never sales.
 */
const isSale = (sellerId: string): SQL =>
  and(
    eq(orderReplica.sellerId, sellerId),
    or(
      and(eq(orderReplica.status, 'complete'), eq(payments.status, 'succeeded')),
      eq(payments.refundReason, 'buyer_cancelled'),
    ),
  )!;

export interface SaleRow {
  paymentId: string;
  orderId: string;
  ticketId: string;
  paidAt: Date;
  eventDate: Date | null;
  /** The subtotal: the ticket price × quantity. */
  priceCents: number;
  quantity: number;
  sellerFeeCents: number;
  currency: string;
  refunded: boolean;
}

const saleColumns = {
  paymentId: payments.id,
  orderId: orderReplica.id,
  ticketId: orderReplica.ticketId,
  paidAt: payments.createdAt,
  eventDate: orderReplica.eventDate,
  priceCents: orderReplica.priceCents,
  quantity: orderReplica.quantity,
  sellerFeeCents: orderReplica.sellerFeeCents,
  currency: orderReplica.currency,
  refunded: sql<boolean>`${payments.refundReason} = 'buyer_cancelled'`.mapWith(Boolean),
};

export interface SaleTotalsRow {
  currency: string;
  state: 'pending' | 'paid_out' | 'refunded';
  /** Tickets (an order of several counts each). */
  tickets: number;
  grossCents: number;
  feeCents: number;
}

export const earningsRepository = {
  /** Newest sale first; `limit` rows after `after`. */
  async salesOf(db: Executor, sellerId: string, limit: number, after?: Keyset): Promise<SaleRow[]> {
    const older = olderThan(payments.createdAt, payments.id, after);
    return db
      .select(saleColumns)
      .from(payments)
      .innerJoin(orderReplica, eq(orderReplica.id, payments.orderId))
      .where(and(isSale(sellerId), older))
      .orderBy(desc(payments.createdAt), desc(payments.id))
      .limit(limit);
  },

  /** Sums per currency and state, computed by the database at `now` (the same rule as earningState). */
  async totalsOf(db: Executor, sellerId: string, now: Date): Promise<SaleTotalsRow[]> {
    const state = sql<SaleTotalsRow['state']>`case
      when ${payments.refundReason} = 'buyer_cancelled' then 'refunded'
      when ${orderReplica.eventDate} is not null and ${orderReplica.eventDate} <= ${now.toISOString()}::timestamptz then 'paid_out'
      else 'pending' end`;
    return (
      db
        .select({
          currency: orderReplica.currency,
          state,
          tickets: sql<number>`sum(${orderReplica.quantity})`.mapWith(Number),
          grossCents: sql<number>`sum(${orderReplica.priceCents})`.mapWith(Number),
          feeCents: sql<number>`sum(${orderReplica.sellerFeeCents})`.mapWith(Number),
        })
        .from(payments)
        .innerJoin(orderReplica, eq(orderReplica.id, payments.orderId))
        .where(isSale(sellerId))
        // By position: the state expression carries a parameter, so it cannot be repeated by value.
        .groupBy(sql`1, 2`)
        .orderBy(sql`1, 2`)
    );
  },
};
