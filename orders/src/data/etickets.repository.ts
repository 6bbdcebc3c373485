import { and, asc, desc, eq, isNull, sql, type SQL } from 'drizzle-orm';
import type { Executor, Keyset } from '@ticketing/common';
import { eticketsTable, ticketsTable, type EticketRow } from './schema';

const event = {
  id: ticketsTable.id,
  title: ticketsTable.title,
  venue: ticketsTable.venue,
  eventDate: ticketsTable.eventDate,
  timeZone: ticketsTable.timeZone,
  sellerId: ticketsTable.sellerId,
};

export interface EticketWithEvent {
  eticket: EticketRow;
  ticket: { id: string; title: string; venue: string; eventDate: Date; timeZone: string; sellerId: string };
}

export const etickets = {
  async insertAll(tx: Executor, rows: EticketRow[]): Promise<void> {
    await tx.insert(eticketsTable).values(rows);
  },

  async ofOrder(db: Executor, orderId: string): Promise<EticketWithEvent[]> {
    return db
      .select({ eticket: eticketsTable, ticket: event })
      .from(eticketsTable)
      .innerJoin(ticketsTable, eq(ticketsTable.id, eticketsTable.ticketId))
      .where(eq(eticketsTable.orderId, orderId))
      .orderBy(asc(eticketsTable.seat), asc(eticketsTable.id));
  },

  async findById(db: Executor, id: string): Promise<EticketWithEvent | undefined> {
    const [row] = await db
      .select({ eticket: eticketsTable, ticket: event })
      .from(eticketsTable)
      .innerJoin(ticketsTable, eq(ticketsTable.id, eticketsTable.ticketId))
      .where(eq(eticketsTable.id, id));
    return row;
  },

  async findByCode(db: Executor, code: string): Promise<EticketWithEvent | undefined> {
    const [row] = await db
      .select({ eticket: eticketsTable, ticket: event })
      .from(eticketsTable)
      .innerJoin(ticketsTable, eq(ticketsTable.id, eticketsTable.ticketId))
      .where(eq(eticketsTable.code, code));
    return row;
  },

  /** Newest first; one row more than asked tells whether another page follows. */
  async pageOfUser(db: Executor, userId: string, limit: number, after?: Keyset): Promise<EticketWithEvent[]> {
    const conditions: SQL[] = [eq(eticketsTable.userId, userId)];
    if (after) {
      conditions.push(
        sql`(${eticketsTable.issuedAt}, ${eticketsTable.id}) < (${after.at.toISOString()}::timestamptz, ${after.id}::uuid)`,
      );
    }
    return db
      .select({ eticket: eticketsTable, ticket: event })
      .from(eticketsTable)
      .innerJoin(ticketsTable, eq(ticketsTable.id, eticketsTable.ticketId))
      .where(and(...conditions))
      .orderBy(desc(eticketsTable.issuedAt), desc(eticketsTable.id))
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
      .update(eticketsTable)
      .set({ usedAt: sql`now()`, usedBy: checker.id })
      .where(
        and(
          eq(eticketsTable.code, code),
          isNull(eticketsTable.usedAt),
          isNull(eticketsTable.voidedAt),
          checker.isAdmin
            ? undefined
            : sql`exists (select 1 from ${ticketsTable} where ${ticketsTable.id} = ${eticketsTable.ticketId} and ${ticketsTable.sellerId} = ${checker.id})`,
        ),
      )
      .returning({ id: eticketsTable.id });
    return row?.id;
  },

  /**
   * Voids the order's valid e-tickets; a used one keeps its admission but is voided too. Returns them as
   * they are after the update (a concurrent admission that committed first shows its used_at).
   */
  async voidOfOrder(tx: Executor, orderId: string, reason: string, at: Date) {
    return tx
      .update(eticketsTable)
      .set({ voidedAt: at, voidReason: reason })
      .where(and(eq(eticketsTable.orderId, orderId), isNull(eticketsTable.voidedAt)))
      .returning({ id: eticketsTable.id, usedAt: eticketsTable.usedAt });
  },
};
