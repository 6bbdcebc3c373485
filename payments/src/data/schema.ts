import { indexInState, timestamptz } from '@ticketing/common';
import { sql } from 'drizzle-orm';
import { index, integer, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

/** The replica of orders (SQL table `orders`): what may be charged, to whom, and whether it still may be. */
export const orderReplica = pgTable(
  'orders',
  {
    id: uuid('id').primaryKey(),
    userId: uuid('user_id').notNull(),
    ticketId: uuid('ticket_id').notNull(),
    status: text('status', { enum: ['created', 'cancelled', 'complete'] }).notNull(),
    /** The tickets' price before fees (the subtotal): the ticket price times the order's quantity. */
    priceCents: integer('price_cents').notNull(),
    /** Tickets the order takes (its seller's earnings count them). */
    quantity: integer('quantity').notNull().default(1),
    /** What is charged: subtotal + the buyer's service fee, fixed by orders at reservation. */
    totalCents: integer('total_cents').notNull(),
    serviceFeeCents: integer('service_fee_cents').notNull().default(0),
    /** The platform's cut of the subtotal; the seller receives subtotal − this. */
    sellerFeeCents: integer('seller_fee_cents').notNull().default(0),
    currency: text('currency').notNull(),
    version: integer('version').notNull(),
    /** For the seller's earnings; null for orders replicated before order.created carried them. */
    sellerId: uuid('seller_id'),
    eventDate: timestamptz('event_date'),
    expiresAt: timestamptz('expires_at').notNull(),
    /** The charge attempt in flight, if any: one per order at a time (claimed by a conditional UPDATE). */
    chargeAttemptId: uuid('charge_attempt_id'),
    chargeStartedAt: timestamptz('charge_started_at'),
  },
  (t) => [index('orders_seller_idx').on(t.sellerId)],
);

export const paymentStatuses = ['succeeded', 'refund_pending', 'refunded', 'refund_failed'] as const;

/** One row per successful charge. refund_pending is a durable instruction the refund worker carries out. */
export const payments = pgTable(
  'payments',
  {
    id: uuid('id').primaryKey(),
    orderId: uuid('order_id').notNull(),
    userId: uuid('user_id').notNull(),
    provider: text('provider', { enum: ['stripe'] })
      .notNull()
      .default('stripe'),
    providerPaymentId: text('provider_payment_id').notNull().unique(),
    amountCents: integer('amount_cents').notNull(),
    currency: text('currency').notNull(),
    /** The card charged, as the provider names it (`visa`, `mastercard`…) and its last four digits; null when unknown. */
    cardBrand: text('card_brand'),
    cardLast4: text('card_last4'),
    status: text('status', { enum: paymentStatuses }).notNull(),
    refundReason: text('refund_reason'),
    providerRefundId: text('provider_refund_id'),
    // Millisecond precision, like the JavaScript Date a list cursor carries it in.
    createdAt: timestamptz('created_at', { precision: 3 }).notNull().defaultNow(),
    refundedAt: timestamptz('refunded_at'),
    /** When the refund was decided (or an operator asked again): the age the refund alert watches. */
    refundRequestedAt: timestamptz('refund_requested_at'),
    /** Refund attempts made so far; the next is due at refund_next_attempt_at (jittered backoff). */
    refundAttempts: integer('refund_attempts').notNull().default(0),
    refundNextAttemptAt: timestamptz('refund_next_attempt_at').notNull().defaultNow(),
    refundLastError: text('refund_last_error'),
  },
  (t) => [
    // An order is paid at most once; a second charge is recorded as refund_pending, never as a success.
    uniqueIndex('payments_one_success_per_order')
      .on(t.orderId)
      .where(sql`${t.status} = 'succeeded'`),
    index('payments_order_idx').on(t.orderId),
    index('payments_user_created_idx').on(t.userId, t.createdAt.desc(), t.id.desc()),
    // The refund worker's queue: due work first.
    indexInState('payments_refund_due_idx', t.refundNextAttemptAt, t.status, 'refund_pending'),
    // The refunds an operator must look at (payments-admin, the refund_failed gauge).
    indexInState('payments_refund_failed_idx', t.createdAt, t.status, 'refund_failed'),
  ],
);

/** Stripe webhook events already applied: written in the same transaction as their effect. */
export const stripeEvents = pgTable('stripe_events', {
  id: text('id').primaryKey(),
  type: text('type').notNull(),
  receivedAt: timestamptz('received_at').notNull().defaultNow(),
});
