import { and, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { Executor, Keyset } from '@ticketing/common';
import { ordersTable, ticketsTable, type OrderRow } from './schema';

const ticketSummary = {
  id: ticketsTable.id,
  title: ticketsTable.title,
  venue: ticketsTable.venue,
  eventDate: ticketsTable.eventDate,
  priceCents: ticketsTable.priceCents,
  currency: ticketsTable.currency,
};

export interface OrderWithTicket {
  order: OrderRow;
  ticket: { id: string; title: string; venue: string; eventDate: Date; priceCents: number; currency: string };
}

export interface PageQuery {
  /** Only this user's orders; every order when undefined (admins). */
  userId?: string;
  /** Only orders for this ticket. */
  ticketId?: string;
  limit: number;
  after?: Keyset;
}

export const orders = {
  async insert(tx: Executor, order: OrderRow): Promise<OrderRow> {
    const [row] = await tx.insert(ordersTable).values(order).returning();
    return row!;
  },

  async lockById(tx: Executor, id: string): Promise<OrderRow | undefined> {
    const [row] = await tx.select().from(ordersTable).where(eq(ordersTable.id, id)).for('update');
    return row;
  },

  async findHolding(tx: Executor, ticketId: string): Promise<OrderRow | undefined> {
    const [row] = await tx
      .select()
      .from(ordersTable)
      .where(and(eq(ordersTable.ticketId, ticketId), inArray(ordersTable.status, ['created', 'complete'])));
    return row;
  },

  async save(tx: Executor, order: OrderRow): Promise<OrderRow> {
    const { status, cancellationReason, version, updatedAt } = order;
    const [row] = await tx
      .update(ordersTable)
      .set({ status, cancellationReason, version, updatedAt })
      .where(eq(ordersTable.id, order.id))
      .returning();
    return row!;
  },

  async findWithTicket(db: Executor, id: string): Promise<OrderWithTicket | undefined> {
    const [row] = await db
      .select({ order: ordersTable, ticket: ticketSummary })
      .from(ordersTable)
      .innerJoin(ticketsTable, eq(ticketsTable.id, ordersTable.ticketId))
      .where(eq(ordersTable.id, id));
    return row;
  },

  /** Newest first; reads one row more than asked to know whether another page follows. */
  async page(db: Executor, { userId, ticketId, limit, after }: PageQuery): Promise<OrderWithTicket[]> {
    const conditions: SQL[] = [];
    if (userId) conditions.push(eq(ordersTable.userId, userId));
    if (ticketId) conditions.push(eq(ordersTable.ticketId, ticketId));
    if (after) {
      conditions.push(
        sql`(${ordersTable.createdAt}, ${ordersTable.id}) < (${after.at.toISOString()}::timestamptz, ${after.id}::uuid)`,
      );
    }
    return db
      .select({ order: ordersTable, ticket: ticketSummary })
      .from(ordersTable)
      .innerJoin(ticketsTable, eq(ticketsTable.id, ordersTable.ticketId))
      .where(and(...conditions))
      .orderBy(desc(ordersTable.createdAt), desc(ordersTable.id))
      .limit(limit + 1);
  },
};
