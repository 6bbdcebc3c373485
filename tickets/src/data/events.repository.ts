/**
 * Long because listUpcoming is one query: the filters, both sort orders and their keysets, with the
 * counts per event.
 */
import { asc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '@ticketing/common';
import { events, tickets } from './schema';

export type EventRow = Omit<typeof events.$inferSelect, 'searchText' | 'searchVector'>;
export type NewEventRow = Omit<typeof events.$inferInsert, 'searchText' | 'searchVector'>;

export type EventSort = 'date' | 'price';

export interface EventFilters {
  /** Words, each matched by full text (as a prefix) or, for typos, by trigram similarity. */
  words?: string[];
  city?: string;
  from?: Date;
  to?: Date;
}

/** Where a page of events stops: the sort key of its last row (price key only when sorting by price). */
export interface EventKeyset {
  priceKey?: number;
  startsAt: Date;
  id: string;
}

/** The available listings of an event, summed up: `availableCount` counts tickets left, not listings. */
export interface EventSummary extends EventRow {
  availableCount: number;
  minPriceCents: number | null;
  minPriceCurrency: string | null;
}

// Events with nothing on sale sort after every priced one.
export const NO_PRICE_KEY = 2_147_483_647;

const columns = {
  id: events.id,
  title: events.title,
  venue: events.venue,
  city: events.city,
  startsAt: events.startsAt,
  timeZone: events.timeZone,
  category: events.category,
  imageUrl: events.imageUrl,
  createdBy: events.createdBy,
  createdAt: events.createdAt,
};

// `word` holds only letters and digits (the query schema splits on anything else): safe in a tsquery.
const matchesWord = (word: string): SQL =>
  sql`(e.search_vector @@ to_tsquery('simple', ${`${word}:*`}) or e.search_text %> ${word})`;

export const eventsRepository = {
  /** Undefined when the same event (title, venue, start) exists already. */
  async insert(tx: Executor, values: NewEventRow): Promise<EventRow | undefined> {
    const [row] = await tx.insert(events).values(values).onConflictDoNothing().returning(columns);
    return row;
  },

  async findById(db: Executor, id: string): Promise<EventRow | undefined> {
    const [row] = await db.select(columns).from(events).where(eq(events.id, id));
    return row;
  },

  async findByIds(db: Executor, ids: string[]): Promise<EventRow[]> {
    if (ids.length === 0) return [];
    return db.select(columns).from(events).where(inArray(events.id, ids));
  },

  /** Upcoming events with their count of available listings and lowest price; `limit` rows after `after`. */
  async listUpcoming(
    db: Executor,
    filters: EventFilters,
    sort: EventSort,
    limit: number,
    after?: EventKeyset,
  ): Promise<EventSummary[]> {
    const conditions: SQL[] = [
      sql`e.starts_at > now()`,
      ...(filters.words ?? []).map(matchesWord),
      ...(filters.city ? [sql`lower(e.city) = lower(${filters.city})`] : []),
      ...(filters.from ? [sql`e.starts_at >= ${filters.from.toISOString()}::timestamptz`] : []),
      ...(filters.to ? [sql`e.starts_at <= ${filters.to.toISOString()}::timestamptz`] : []),
    ];
    const at = (k: EventKeyset) => sql`${k.startsAt.toISOString()}::timestamptz`;
    if (after && sort === 'date')
      conditions.push(sql`(e.starts_at, e.id) > (${at(after)}, ${after.id}::uuid)`);
    if (after && sort === 'price')
      conditions.push(
        sql`(s.price_key, e.starts_at, e.id) > (${after.priceKey ?? NO_PRICE_KEY}::int, ${at(after)}, ${after.id}::uuid)`,
      );
    const order = sort === 'price' ? sql`s.price_key, e.starts_at, e.id` : sql`e.starts_at, e.id`;
    const result = await db.execute<{
      id: string;
      title: string;
      venue: string;
      city: string;
      starts_at: string;
      time_zone: string;
      category: string | null;
      image_url: string | null;
      created_by: string | null;
      created_at: string;
      available_count: number;
      min_price_cents: number | null;
      min_price_currency: string | null;
    }>(sql`
      select e.id, e.title, e.venue, e.city, e.starts_at, e.time_zone, e.category, e.image_url,
             e.created_by, e.created_at, s.available_count, s.min_price_cents, s.min_price_currency
      from ${events} e
      cross join lateral (
        select coalesce(sum(t.quantity - t.reserved - t.sold), 0)::int as available_count,
               min(t.price_cents) as min_price_cents,
               (array_agg(t.currency order by t.price_cents, t.currency))[1] as min_price_currency,
               coalesce(min(t.price_cents), ${NO_PRICE_KEY}) as price_key
        from ${tickets} t
        where t.event_id = e.id and t.status = 'available'
      ) s
      where ${sql.join(conditions, sql` and `)}
      order by ${order}
      limit ${limit}`);
    return result.rows.map((r) => ({
      id: r.id,
      title: r.title,
      venue: r.venue,
      city: r.city,
      startsAt: new Date(r.starts_at),
      timeZone: r.time_zone,
      category: r.category,
      imageUrl: r.image_url,
      createdBy: r.created_by,
      createdAt: new Date(r.created_at),
      availableCount: r.available_count,
      minPriceCents: r.min_price_cents,
      minPriceCurrency: r.min_price_currency,
    }));
  },

  /** Tickets left in the event's listings on sale (a listing of 4 with 2 left counts 2). */
  async countAvailable(db: Executor, eventId: string): Promise<number> {
    const [row] = await db
      .select({
        left: sql<number>`coalesce(sum(${tickets.quantity} - ${tickets.reserved} - ${tickets.sold}), 0)::int`,
      })
      .from(tickets)
      .where(sql`${tickets.eventId} = ${eventId} and ${tickets.status} = 'available'`);
    return row?.left ?? 0;
  },

  /** An event's available listings, cheapest first (the id breaks ties, so the order is stable). */
  availableListings(db: Executor, eventId: string, limit: number) {
    return db
      .select()
      .from(tickets)
      .where(sql`${tickets.eventId} = ${eventId} and ${tickets.status} = 'available'`)
      .orderBy(asc(tickets.priceCents), asc(tickets.id))
      .limit(limit);
  },
};
