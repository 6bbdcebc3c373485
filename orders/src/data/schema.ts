import { sql } from 'drizzle-orm';
import { index, integer, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

export const ticketStatusEnum = pgEnum('ticket_status', ['available', 'reserved', 'sold', 'withdrawn']);
export const orderStatusEnum = pgEnum('order_status', ['created', 'cancelled', 'complete']);
export const cancellationReasonEnum = pgEnum('cancellation_reason', ['user', 'expired', 'rejected']);

/** The replica of tickets: written only by ticket.created / ticket.updated, in version order. */
export const ticketsTable = pgTable('tickets', {
  id: uuid('id').primaryKey(),
  title: text('title').notNull(),
  venue: text('venue').notNull(),
  eventDate: timestamp('event_date', { withTimezone: true }).notNull(),
  priceCents: integer('price_cents').notNull(),
  currency: text('currency').notNull(),
  sellerId: uuid('seller_id').notNull(),
  status: ticketStatusEnum('status').notNull(),
  orderId: uuid('order_id'),
  version: integer('version').notNull(),
});

export const ONE_ACTIVE_ORDER_PER_TICKET = 'orders_one_active_per_ticket';

export const ordersTable = pgTable(
  'orders',
  {
    id: uuid('id').primaryKey(),
    userId: uuid('user_id').notNull(),
    ticketId: uuid('ticket_id')
      .notNull()
      .references(() => ticketsTable.id),
    status: orderStatusEnum('status').notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    priceCents: integer('price_cents').notNull(),
    currency: text('currency').notNull(),
    cancellationReason: cancellationReasonEnum('cancellation_reason'),
    version: integer('version').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // The double-sell guard: at most one order per ticket that is open or paid, whatever the race.
    uniqueIndex(ONE_ACTIVE_ORDER_PER_TICKET)
      .on(t.ticketId)
      .where(sql`${t.status} in ('created', 'complete')`),
    index('orders_user_newest_idx').on(t.userId, t.createdAt.desc(), t.id.desc()),
    index('orders_newest_idx').on(t.createdAt.desc(), t.id.desc()),
  ],
);

export type TicketRow = typeof ticketsTable.$inferSelect;
export type OrderRow = typeof ordersTable.$inferSelect;
