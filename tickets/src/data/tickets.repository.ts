import { and, asc, desc, eq, gte, ilike, lte, or, sql, type SQL } from 'drizzle-orm';
import { findById, laterThan, lockById, olderThan, type Executor, type Keyset } from '@ticketing/common';
import { tickets } from './schema';

export type TicketRow = typeof tickets.$inferSelect;
export type NewTicketRow = typeof tickets.$inferInsert;
export type TicketChanges = Partial<
  Pick<
    TicketRow,
    | 'priceCents'
    | 'currency'
    | 'cancellationHours'
    | 'description'
    | 'section'
    | 'row'
    | 'seat'
    | 'quantity'
    | 'split'
    | 'reserved'
    | 'sold'
    | 'status'
    | 'orderId'
    | 'revision'
    | 'moderationReason'
  >
>;

export interface AvailableFilters {
  q?: string;
  from?: Date;
  to?: Date;
  minPrice?: number;
  maxPrice?: number;
  /** Lower-case ISO 4217: prices are only comparable within one currency. */
  currency?: string;
  sellerId?: string;
}

/** What an admin may narrow every listing to: the catalogue's filters, and one status. */
export interface AllFilters extends AvailableFilters {
  status?: TicketRow['status'];
}

/** ILIKE treats % and _ as wildcards and \ as the escape: a buyer's text is matched literally. */
export const containsPattern = (text: string): string => `%${text.replace(/[\\%_]/g, '\\$&')}%`;

const matchesText = (text: string) =>
  or(ilike(tickets.title, containsPattern(text)), ilike(tickets.venue, containsPattern(text)));

const filtersOf = (filters: AvailableFilters): (SQL | undefined)[] => [
  filters.from && gte(tickets.eventDate, filters.from),
  filters.to && lte(tickets.eventDate, filters.to),
  filters.minPrice !== undefined ? gte(tickets.priceCents, filters.minPrice) : undefined,
  filters.maxPrice !== undefined ? lte(tickets.priceCents, filters.maxPrice) : undefined,
  filters.currency ? eq(tickets.currency, filters.currency) : undefined,
  filters.sellerId ? eq(tickets.sellerId, filters.sellerId) : undefined,
  filters.q ? matchesText(filters.q) : undefined,
];

/** A page of the listings that match `where`, newest first: `limit` rows created before the keyset's. */
const newestFirst = (db: Executor, where: SQL | undefined, limit: number, after?: Keyset) =>
  db
    .select()
    .from(tickets)
    .where(and(where, olderThan(tickets.createdAt, tickets.id, after)))
    .orderBy(desc(tickets.createdAt), desc(tickets.id))
    .limit(limit);

export const ticketsRepository = {
  async insert(tx: Executor, values: NewTicketRow): Promise<TicketRow> {
    const [row] = await tx.insert(tickets).values(values).returning();
    return row!;
  },

  findById: (db: Executor, id: string) => findById(db, tickets, id),

  /** Reads the row and holds its lock until the transaction ends: concurrent changes serialize. */
  lockById: (tx: Executor, id: string) => lockById(tx, tickets, id),

  /** Applies changes to a locked row; every change is a new version. */
  async save(tx: Executor, locked: TicketRow, changes: TicketChanges): Promise<TicketRow> {
    const [row] = await tx
      .update(tickets)
      .set({ ...changes, version: locked.version + 1, updatedAt: sql`now()` })
      .where(eq(tickets.id, locked.id))
      .returning();
    return row!;
  },

  /**
   * Available tickets of events not yet started, by event date then id; `limit` rows after `after`.
   * Returns the query itself (await it for rows) so the bench can EXPLAIN the very statement served.
   */
  listAvailable(db: Executor, filters: AvailableFilters, limit: number, after?: Keyset) {
    const conditions: (SQL | undefined)[] = [
      eq(tickets.status, 'available'),
      sql`${tickets.eventDate} > now()`,
      ...filtersOf(filters),
      laterThan(tickets.eventDate, tickets.id, after),
    ];
    return db
      .select()
      .from(tickets)
      .where(and(...conditions))
      .orderBy(asc(tickets.eventDate), asc(tickets.id))
      .limit(limit);
  },

  /** A seller's listings in every status, newest first. */
  async listBySeller(db: Executor, sellerId: string, limit: number, after?: Keyset): Promise<TicketRow[]> {
    return newestFirst(db, eq(tickets.sellerId, sellerId), limit, after);
  },

  /** Every listing, past events too, in one status or all, newest first (the admin's view). */
  async listAll(db: Executor, filters: AllFilters, limit: number, after?: Keyset): Promise<TicketRow[]> {
    return newestFirst(
      db,
      and(filters.status && eq(tickets.status, filters.status), ...filtersOf(filters)),
      limit,
      after,
    );
  },
};
