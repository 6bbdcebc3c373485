/** Long because the reservation is one SQL statement (RESERVE), kept here beside the order reads it serves. */
import { and, desc, eq, isNull, sql, type SQL } from 'drizzle-orm';
import {
  currentTraceContext,
  lockById,
  olderThan,
  OUTBOX_CHANNEL,
  signalCommitted,
  type Database,
  type Db,
  type Envelope,
  type Executor,
  type Keyset,
} from '@ticketing/common';
import { orders, ticketReplica, type OrderRow } from './schema';

const ticketSummary = {
  id: ticketReplica.id,
  title: ticketReplica.title,
  venue: ticketReplica.venue,
  eventDate: ticketReplica.eventDate,
  priceCents: ticketReplica.priceCents,
  currency: ticketReplica.currency,
};

/** Orders with their ticket's summary, for the reads that answer an order. */
const withTicket = (db: Executor) =>
  db
    .select({ order: orders, ticket: ticketSummary })
    .from(orders)
    .innerJoin(ticketReplica, eq(ticketReplica.id, orders.ticketId));

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
 * One statement, so one round trip and its own transaction: take `quantity` tickets from the listing's
 * replica row if they are still there (orders' own `held` count and tickets' last `available` both allow
 * it), in a split the seller allows and at the terms' revision the buyer saw; then insert the order, the
 * outbox row (with the trace context); the relay is woken after it commits. Concurrent buyers of one listing queue on the row
 * only for this one statement (no read-then-write: the UPDATE re-checks the counts once it gets the row),
 * and the table's CHECK (held <= quantity) backs the condition. A row comes back only if it was placed.
 */
const RESERVE = `
  with ticket as (
    update tickets set held = held + $15::int
    where id = $3 and status <> 'withdrawn' and revision = $13
      and held + $15::int <= quantity and $15::int <= available
      and (split = 'any'
        or (split = 'no-single' and quantity - held - $15::int <> 1)
        or (split = 'all' and quantity - held = $15::int))
    returning id
  ), placed as (
    insert into orders (id, user_id, ticket_id, status, quantity, expires_at, price_cents, currency, version, created_at, updated_at,
                        cancellable_until, service_fee_cents, seller_fee_cents, total_cents)
    select $1::uuid, $2::uuid, ticket.id, $4::order_status, $15::int, $5::timestamptz, $6::int, $7::text, $8::int, $9::timestamptz, $9::timestamptz,
           $16::timestamptz, $17::int, $18::int, $19::int
    from ticket
    returning id
  ), event as (
    insert into outbox (id, subject, envelope, trace_context)
    select $10::uuid, $11::text, $12::jsonb, $14::jsonb from placed returning id
  )
  select id from event`;

export const ordersRepository = {
  /** Places `order` and records `event` in one statement; false when too few are left or the terms changed since `revision`. */
  async reserve(db: Db, order: OrderRow, revision: number, event: Envelope): Promise<boolean> {
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
        revision,
        // The request's trace goes on with the event (outbox.add does the same).
        currentTraceContext(),
        order.quantity,
        order.cancellableUntil,
        order.serviceFeeCents,
        order.sellerFeeCents,
        order.totalCents,
      ],
    });
    if (rowCount !== 1) return false;
    // Committed with the statement: wake the relay now (a NOTIFY in it would serialize commits).
    await signalCommitted(db, OUTBOX_CHANNEL);
    return true;
  },

  lockById: (tx: Executor, id: string) => lockById(tx, orders, id),

  async save(tx: Executor, order: OrderRow): Promise<OrderRow> {
    const { status, cancellationReason, paymentId, paidAt, version, updatedAt } = order;
    const [row] = await tx
      .update(orders)
      .set({ status, cancellationReason, paymentId, paidAt, version, updatedAt })
      .where(eq(orders.id, order.id))
      .returning();
    return row!;
  },

  async markRefunded(tx: Executor, id: string, at: Date): Promise<void> {
    await tx.update(orders).set({ refundedAt: at }).where(eq(orders.id, id));
  },

  /** Tickets made a version for this order (its reservation): the order may now complete. */
  async confirmReservation(tx: Executor, id: string): Promise<void> {
    await tx
      .update(orders)
      .set({ reservationConfirmedAt: sql`now()` })
      .where(and(eq(orders.id, id), isNull(orders.reservationConfirmedAt)));
  },

  async findWithTicket(db: Executor, id: string): Promise<OrderWithTicket | undefined> {
    const [row] = await withTicket(db).where(eq(orders.id, id));
    return row;
  },

  /** Newest first; reads one row more than asked to know whether another page follows. */
  async page(db: Executor, { userId, ticketId, limit, after }: PageQuery): Promise<OrderWithTicket[]> {
    const conditions: SQL[] = [];
    if (userId) conditions.push(eq(orders.userId, userId));
    if (ticketId) conditions.push(eq(orders.ticketId, ticketId));
    return withTicket(db)
      .where(and(...conditions, olderThan(orders.createdAt, orders.id, after)))
      .orderBy(desc(orders.createdAt), desc(orders.id))
      .limit(limit + 1);
  },
};
