import { and, desc, eq, sql, type SQL } from 'drizzle-orm';
import {
  currentTraceContext,
  OUTBOX_CHANNEL,
  signalCommitted,
  type Database,
  type Db,
  type Envelope,
  type Executor,
  type Keyset,
} from '@ticketing/common';
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

/**
 * One statement, so one round trip and its own transaction: lock the ticket's replica row unless another
 * order is being placed on it (SKIP LOCKED: that buyer is answered at once instead of queueing behind the
 * winner), check it is still the version that was read, insert the order unless an open or paid one exists (the
 * unique partial index decides), then the outbox row (with the trace context). A row comes back only if it was placed.
 */
const RESERVE = `
  with ticket as (
    select id from tickets
    where id = $3 and status = 'available' and version = $13
    for update skip locked
  ), placed as (
    insert into orders (id, user_id, ticket_id, status, expires_at, price_cents, currency, version, created_at, updated_at)
    select $1::uuid, $2::uuid, ticket.id, $4::order_status, $5::timestamptz, $6::int, $7::text, $8::int, $9::timestamptz, $9::timestamptz
    from ticket
    on conflict (ticket_id) where status in ('created', 'complete') do nothing
    returning id
  ), event as (
    insert into outbox (id, subject, envelope, trace_context)
    select $10::uuid, $11::text, $12::jsonb, $14::jsonb from placed returning id
  )
  select id from event`;

export const orders = {
  /** Places `order` and records `event` in one statement; false when the ticket is held or changed since `ticketVersion`. */
  async reserve(db: Db, order: OrderRow, ticketVersion: number, event: Envelope): Promise<boolean> {
    // The pool under drizzle: a named statement is parsed and planned once per connection.
    const { rowCount } = await (db as Db & { $client: Database['pool'] }).$client.query({
      name: 'orders_reserve',
      text: RESERVE,
      values: [
        order.id,
        order.userId,
        order.ticketId,
        order.status,
        order.expiresAt,
        order.priceCents,
        order.currency,
        order.version,
        order.createdAt,
        event.id,
        event.subject,
        event,
        ticketVersion,
        // The request's trace goes on with the event (outbox.add does the same).
        currentTraceContext(),
      ],
    });
    if (rowCount !== 1) return false;
    // Committed with the statement: wake the relay now (a NOTIFY in it would serialize commits).
    await signalCommitted(db, OUTBOX_CHANNEL);
    return true;
  },

  async lockById(tx: Executor, id: string): Promise<OrderRow | undefined> {
    const [row] = await tx.select().from(ordersTable).where(eq(ordersTable.id, id)).for('update');
    return row;
  },

  async save(tx: Executor, order: OrderRow): Promise<OrderRow> {
    const { status, cancellationReason, paymentId, version, updatedAt } = order;
    const [row] = await tx
      .update(ordersTable)
      .set({ status, cancellationReason, paymentId, version, updatedAt })
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
