/**
 * Long because it is the service's whole schema: events, listings and the order replica, with their
 * checks and indexes.
 */
import { sql, type SQL } from 'drizzle-orm';
import {
  DEFAULT_CANCELLATION_HOURS,
  listingEventColumns,
  listingQuantityColumns,
  MAX_CANCELLATION_HOURS,
  splitRuleEnum,
  ticketStatusEnum as ticketStatus,
  timestamptz,
} from '@ticketing/common';
import {
  check,
  customType,
  index,
  integer,
  pgEnum,
  pgTable,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

// Exported for drizzle-kit, which makes the PostgreSQL types of the enums this file exports.
export { splitRuleEnum, ticketStatus };

// Millisecond precision: what a JS Date holds, so a cursor made from a row finds that row again.
const timestampMs = (name: string) => timestamptz(name, { precision: 3 });

const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

/**
 * What a buyer goes to: listings of one show are grouped under it so they can be compared. `starts_at` is
 * the instant; `time_zone` (IANA) is where it happens, so every page shows the local time with its zone.
 */
export const events = pgTable(
  'events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    title: text('title').notNull(),
    venue: text('venue').notNull(),
    city: text('city').notNull(),
    startsAt: timestampMs('starts_at').notNull(),
    timeZone: text('time_zone').notNull(),
    category: text('category'),
    imageUrl: text('image_url'),
    /** Null for events the migration made from listings that predate events. */
    createdBy: uuid('created_by'),
    createdAt: timestampMs('created_at').notNull().defaultNow(),
    // Search: words (full text, prefix) and, for typos, trigrams of the same text.
    searchText: text('search_text')
      .notNull()
      .generatedAlwaysAs((): SQL => sql`${events.title} || ' ' || ${events.venue} || ' ' || ${events.city}`),
    searchVector: tsvector('search_vector')
      .notNull()
      .generatedAlwaysAs(
        (): SQL =>
          sql`to_tsvector('simple', ${events.title} || ' ' || ${events.venue} || ' ' || ${events.city})`,
      ),
  },
  (t) => [
    // One event per show: the same title at the same venue and instant is the same event.
    uniqueIndex('events_identity_idx').on(sql`lower(${t.title})`, sql`lower(${t.venue})`, t.startsAt),
    index('events_starts_at_id_idx').on(t.startsAt, t.id),
    index('events_city_idx').on(sql`lower(${t.city})`),
    index('events_search_vector_idx').using('gin', t.searchVector),
    index('events_search_text_trgm_idx').using('gin', t.searchText.op('gin_trgm_ops')),
  ],
);

export const tickets = pgTable(
  'tickets',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    eventId: uuid('event_id')
      .notNull()
      .references(() => events.id),
    // Copies of the event's title, venue, start and zone: the listing's contract (ticket.created) carries them.
    ...listingEventColumns({ precision: 3 }),
    priceCents: integer('price_cents').notNull(),
    currency: text('currency').notNull().default('usd'),
    description: text('description').notNull().default(''),
    // Where the seat is, when the seller says so.
    section: text('section'),
    row: text('row'),
    seat: text('seat'),
    sellerId: uuid('seller_id').notNull(),
    /** Tickets in the listing, sold in the splits `split` allows; `reserved` and `sold` count what orders took. */
    ...listingQuantityColumns(),
    reserved: integer('reserved').notNull().default(0),
    sold: integer('sold').notNull().default(0),
    /** available: some left; reserved: none left, some held by open orders; sold: all sold. */
    /** Until how many hours before the event a buyer may cancel a paid order (0: never); see docs/domain.md. */
    cancellationHours: integer('cancellation_hours').notNull().default(DEFAULT_CANCELLATION_HOURS),
    status: ticketStatus('status').notNull().default('available'),
    /** The order whose reservation, release or sale made the latest version (null: the seller's change). */
    orderId: uuid('order_id'),
    /** Why an admin withdrew the listing (moderation); null when its seller withdrew it or it is on sale. */
    moderationReason: text('moderation_reason'),
    /** Every change bumps `version` (replicas apply them in order); only the seller's edits bump `revision`. */
    version: integer('version').notNull().default(0),
    revision: integer('revision').notNull().default(0),
    createdAt: timestampMs('created_at').notNull().defaultNow(),
    updatedAt: timestampMs('updated_at').notNull().defaultNow(),
  },
  (t) => [
    // The public list: status = 'available', keyset on (event_date, id).
    index('tickets_status_event_date_id_idx').on(t.status, t.eventDate, t.id),
    // GET /mine: newest first per seller.
    index('tickets_seller_created_id_idx').on(t.sellerId, t.createdAt, t.id),
    // GET /?all=true (admins): newest first, in every status or one.
    index('tickets_created_id_idx').on(t.createdAt, t.id),
    index('tickets_status_created_id_idx').on(t.status, t.createdAt, t.id),
    // An event's page and its cheapest available listing.
    index('tickets_event_status_price_idx').on(t.eventId, t.status, t.priceCents, t.id),
    // q: ILIKE '%…%' on title or venue.
    index('tickets_title_trgm_idx').using('gin', t.title.op('gin_trgm_ops')),
    index('tickets_venue_trgm_idx').using('gin', t.venue.op('gin_trgm_ops')),
    check('tickets_price_positive', sql`${t.priceCents} > 0`),
    check('tickets_currency_iso', sql`${t.currency} ~ '^[a-z]{3}$'`),
    check('tickets_version_non_negative', sql`${t.version} >= 0`),
    // Never more reserved or sold than listed, whatever the order events do.
    check('tickets_quantity_range', sql`${t.quantity} between 1 and 20`),
    check(
      'tickets_taken_within_quantity',
      sql`${t.reserved} >= 0 and ${t.sold} >= 0 and ${t.reserved} + ${t.sold} <= ${t.quantity}`,
    ),
    check(
      'tickets_cancellation_hours_range',
      sql`${t.cancellationHours} between 0 and ${sql.raw(String(MAX_CANCELLATION_HOURS))}`,
    ),
  ],
);

export const orderReplicaStatus = pgEnum('replica_order_status', [
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
  /** Tickets the order took from the listing: what its cancellation releases or its payment sells. */
  quantity: integer('quantity').notNull().default(1),
  status: orderReplicaStatus('status').notNull(),
  version: integer('version').notNull(),
  updatedAt: timestampMs('updated_at').notNull().defaultNow(),
});
