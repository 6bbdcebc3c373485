import { sql } from 'drizzle-orm';
import {
  cancellationReason,
  DEFAULT_CANCELLATION_HOURS,
  listingEventColumns,
  listingQuantityColumns,
  orderStatus,
  pgEnumOf,
  splitRuleEnum,
  ticketStatusEnum,
  timestamptz,
} from '@ticketing/common';
import { check, index, integer, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

// Exported for drizzle-kit, which makes the PostgreSQL types of the enums this file exports.
export { splitRuleEnum, ticketStatusEnum };
export const orderStatusEnum = pgEnumOf('order_status', orderStatus);
export const cancellationReasonEnum = pgEnumOf('cancellation_reason', cancellationReason);

/**
 * The replica of tickets (SQL table `tickets`, a historical name): written by ticket.created /
 * ticket.updated, in version order, except `held`, which is orders' own: the tickets its open and paid
 * orders take, counted up in the very statement that places an order and down in the transaction that
 * cancels one. The CHECK is the never-sold-twice guard.
 */
export const ticketReplica = pgTable(
  'tickets',
  {
    id: uuid('id').primaryKey(),
    ...listingEventColumns(),
    priceCents: integer('price_cents').notNull(),
    currency: text('currency').notNull(),
    sellerId: uuid('seller_id').notNull(),
    cancellationHours: integer('cancellation_hours').notNull().default(DEFAULT_CANCELLATION_HOURS),
    status: ticketStatusEnum('status').notNull(),
    /** The order whose reservation, release or sale made this version (see ticket.updated.v1). */
    orderId: uuid('order_id'),
    version: integer('version').notNull(),
    ...listingQuantityColumns(),
    /** Tickets' count of tickets neither reserved nor sold, as of `version`. */
    available: integer('available').notNull().default(1),
    revision: integer('revision').notNull().default(0),
    held: integer('held').notNull().default(0),
  },
  (t) => [check('tickets_held_within_quantity', sql`${t.held} between 0 and ${t.quantity}`)],
);

export const HELD_WITHIN_QUANTITY = 'tickets_held_within_quantity';

export const orders = pgTable(
  'orders',
  {
    id: uuid('id').primaryKey(),
    userId: uuid('user_id').notNull(),
    ticketId: uuid('ticket_id')
      .notNull()
      .references(() => ticketReplica.id),
    status: orderStatusEnum('status').notNull(),
    /** Tickets taken from the listing; the order costs priceCents (the unit price) × quantity. */
    quantity: integer('quantity').notNull().default(1),
    expiresAt: timestamptz('expires_at').notNull(),
    priceCents: integer('price_cents').notNull(),
    currency: text('currency').notNull(),
    cancellationReason: cancellationReasonEnum('cancellation_reason'),
    version: integer('version').notNull(),
    createdAt: timestamptz('created_at').notNull().defaultNow(),
    updatedAt: timestamptz('updated_at').notNull().defaultNow(),
    /** The payment that completed the order: a refund of that one (not of a duplicate) voids its e-tickets. */
    paymentId: uuid('payment_id'),
    /** Until when the buyer may cancel once paid (the listing's window, fixed at reservation); null: never. */
    cancellableUntil: timestamptz('cancellable_until'),
    /** When payments refunded the completing payment (payment.refunded). */
    refundedAt: timestamptz('refunded_at'),
    /** The price breakdown fixed at reservation (common/src/money/fees.ts): total = price + service fee. */
    serviceFeeCents: integer('service_fee_cents').notNull().default(0),
    sellerFeeCents: integer('seller_fee_cents').notNull().default(0),
    totalCents: integer('total_cents').notNull(),
    /** When orders accepted the payment that completed the order (the receipt's "paid at"). */
    paidAt: timestamptz('paid_at'),
    /** When tickets confirmed the reservation (a ticket.updated made by this order): payment may complete it. */
    reservationConfirmedAt: timestamptz('reservation_confirmed_at'),
  },
  (t) => [
    check('orders_quantity_positive', sql`${t.quantity} >= 1`),
    index('orders_ticket_idx').on(t.ticketId),
    index('orders_user_newest_idx').on(t.userId, t.createdAt.desc(), t.id.desc()),
    index('orders_newest_idx').on(t.createdAt.desc(), t.id.desc()),
  ],
);

/**
 * The admission passes of paid orders, one per seat (an order may hold several). `code` is the signed
 * secret the QR code carries; `used_at` is set once, by the check-in that admits it.
 */
export const etickets = pgTable(
  'etickets',
  {
    id: uuid('id').primaryKey(),
    orderId: uuid('order_id')
      .notNull()
      .references(() => orders.id),
    userId: uuid('user_id').notNull(),
    ticketId: uuid('ticket_id')
      .notNull()
      .references(() => ticketReplica.id),
    seat: text('seat'),
    code: text('code').notNull(),
    issuedAt: timestamptz('issued_at').notNull(),
    usedAt: timestamptz('used_at'),
    usedBy: uuid('used_by'),
    voidedAt: timestamptz('voided_at'),
    voidReason: text('void_reason'),
  },
  (t) => [
    uniqueIndex('etickets_code_idx').on(t.code),
    index('etickets_order_idx').on(t.orderId),
    index('etickets_user_newest_idx').on(t.userId, t.issuedAt.desc(), t.id.desc()),
  ],
);

export type TicketReplicaRow = typeof ticketReplica.$inferSelect;
export type OrderRow = typeof orders.$inferSelect;
export type EticketRow = typeof etickets.$inferSelect;
