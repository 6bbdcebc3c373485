import { sql } from 'drizzle-orm';
import { check, index, integer, pgEnum, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

export const ticketStatus = pgEnum('ticket_status', ['available', 'reserved', 'sold', 'withdrawn']);

// Millisecond precision: what a JS Date holds, so a cursor made from a row finds that row again.
const timestamptz = (name: string) => timestamp(name, { withTimezone: true, precision: 3 });

export const tickets = pgTable(
  'tickets',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    title: text('title').notNull(),
    venue: text('venue').notNull(),
    eventDate: timestamptz('event_date').notNull(),
    priceCents: integer('price_cents').notNull(),
    currency: text('currency').notNull().default('usd'),
    description: text('description').notNull().default(''),
    sellerId: uuid('seller_id').notNull(),
    status: ticketStatus('status').notNull().default('available'),
    orderId: uuid('order_id'),
    version: integer('version').notNull().default(0),
    createdAt: timestamptz('created_at').notNull().defaultNow(),
    updatedAt: timestamptz('updated_at').notNull().defaultNow(),
  },
  (t) => [
    // The public list: status = 'available', keyset on (event_date, id).
    index('tickets_status_event_date_id_idx').on(t.status, t.eventDate, t.id),
    // GET /mine: newest first per seller.
    index('tickets_seller_created_id_idx').on(t.sellerId, t.createdAt, t.id),
    // q: ILIKE '%…%' on title or venue.
    index('tickets_title_trgm_idx').using('gin', t.title.op('gin_trgm_ops')),
    index('tickets_venue_trgm_idx').using('gin', t.venue.op('gin_trgm_ops')),
    check('tickets_price_positive', sql`${t.priceCents} > 0`),
    check('tickets_currency_iso', sql`${t.currency} ~ '^[a-z]{3}$'`),
    check('tickets_version_non_negative', sql`${t.version} >= 0`),
    // An order holds the ticket exactly while it is reserved or sold.
    check('tickets_order_held', sql`(${t.status} in ('reserved', 'sold')) = (${t.orderId} is not null)`),
  ],
);

export const replicaOrderStatus = pgEnum('replica_order_status', [
  'created',
  'rejected',
  'cancelled',
  'complete',
]);

/**
 * The replica of orders, by order version: order events of one ticket travel on separate consumers, so an
 * order.cancelled or order.completed waits here until its order.created was applied (causal order).
 * `rejected`: tickets refused the reservation (ticket.reservation-rejected) and never held the ticket for it.
 */
export const orderReplica = pgTable('order_replica', {
  id: uuid('id').primaryKey(),
  ticketId: uuid('ticket_id').notNull(),
  status: replicaOrderStatus('status').notNull(),
  version: integer('version').notNull(),
  updatedAt: timestamptz('updated_at').notNull().defaultNow(),
});
