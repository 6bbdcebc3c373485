import { and, asc, desc, eq, isNull, sql } from 'drizzle-orm';
import { olderThan, type Executor, type Keyset } from '@ticketing/common';
import { etickets, ticketReplica, type EticketRow } from './schema';

const event = {
  id: ticketReplica.id,
  title: ticketReplica.title,
  venue: ticketReplica.venue,
  eventDate: ticketReplica.eventDate,
  timeZone: ticketReplica.timeZone,
  sellerId: ticketReplica.sellerId,
};

export interface EticketWithEvent {
  eticket: EticketRow;
  ticket: { id: string; title: string; venue: string; eventDate: Date; timeZone: string; sellerId: string };
}

/** E-tickets with their event: every read of this repository starts here. */
const withEvent = (db: Executor) =>
  db
    .select({ eticket: etickets, ticket: event })
    .from(etickets)
    .innerJoin(ticketReplica, eq(ticketReplica.id, etickets.ticketId));

export const eticketsRepository = {
  async insertAll(tx: Executor, rows: EticketRow[]): Promise<void> {
    await tx.insert(etickets).values(rows);
  },

  async ofOrder(db: Executor, orderId: string): Promise<EticketWithEvent[]> {
    return withEvent(db).where(eq(etickets.orderId, orderId)).orderBy(asc(etickets.seat), asc(etickets.id));
  },

  async findById(db: Executor, id: string): Promise<EticketWithEvent | undefined> {
    const [row] = await withEvent(db).where(eq(etickets.id, id));
    return row;
  },

  async findByCode(db: Executor, code: string): Promise<EticketWithEvent | undefined> {
    const [row] = await withEvent(db).where(eq(etickets.code, code));
    return row;
  },

  /** Newest first; one row more than asked tells whether another page follows. */
  async pageOfUser(db: Executor, userId: string, limit: number, after?: Keyset): Promise<EticketWithEvent[]> {
    return withEvent(db)
      .where(and(eq(etickets.userId, userId), olderThan(etickets.issuedAt, etickets.id, after)))
      .orderBy(desc(etickets.issuedAt), desc(etickets.id))
      .limit(limit + 1);
  },

  /**
   * Admits a code once, in one conditional UPDATE: only while unused and not voided, and only for the
   * event's seller or an admin. Two scanners at once both reach it; the second waits for the first's row
   * lock, re-reads used_at as set and updates nothing, so exactly one is told "admitted". Returns the
   * admitted e-ticket's id, or undefined (the caller then finds out why).
   */
  async admit(db: Executor, code: string, checker: { id: string; isAdmin: boolean }) {
    const [row] = await db
      .update(etickets)
      .set({ usedAt: sql`now()`, usedBy: checker.id })
      .where(
        and(
          eq(etickets.code, code),
          isNull(etickets.usedAt),
          isNull(etickets.voidedAt),
          checker.isAdmin
            ? undefined
            : sql`exists (select 1 from ${ticketReplica} where ${ticketReplica.id} = ${etickets.ticketId} and ${ticketReplica.sellerId} = ${checker.id})`,
        ),
      )
      .returning({ id: etickets.id });
    return row?.id;
  },

  /**
   * Voids the order's valid e-tickets; a used one keeps its admission but is voided too. Returns them as
   * they are after the update (a concurrent admission that committed first shows its used_at).
   */
  async voidOfOrder(tx: Executor, orderId: string, reason: string, at: Date) {
    return tx
      .update(etickets)
      .set({ voidedAt: at, voidReason: reason })
      .where(and(eq(etickets.orderId, orderId), isNull(etickets.voidedAt)))
      .returning({ id: etickets.id, usedAt: etickets.usedAt });
  },
};
