import { asc, eq, inArray, sql } from 'drizzle-orm';
import { upsertMany, type Executor } from '@ticketing/common';
import { ticketsTable, type TicketRow } from './schema';

/** The local replica of tickets; only the ticket consumers write it. */
export const ticketReplica = {
  /** Tickets not there yet are added; one already there (a redelivered ticket.created) is left alone. */
  async insertIfAbsent(tx: Executor, tickets: TicketRow[]): Promise<void> {
    await upsertMany(tx, ticketsTable, tickets, { target: ticketsTable.id });
  },

  /** A named statement (the first step of every order): parsed and planned once per connection. */
  async findById(db: Executor, id: string): Promise<TicketRow | undefined> {
    const [row] = await db
      .select()
      .from(ticketsTable)
      .where(eq(ticketsTable.id, sql.placeholder('id')))
      .prepare('orders_ticket_by_id')
      .execute({ id });
    return row;
  },

  /** The stored versions of these tickets, locked (in id order, so two batches never deadlock). */
  async lockVersions(tx: Executor, ids: string[]): Promise<Map<string, number>> {
    const rows = await tx
      .select({ id: ticketsTable.id, version: ticketsTable.version })
      .from(ticketsTable)
      .where(inArray(ticketsTable.id, [...new Set(ids)]))
      .orderBy(asc(ticketsTable.id))
      .for('update');
    return new Map(rows.map((row) => [row.id, row.version]));
  },

  /** Overwrites stored tickets (one row per id). */
  async save(tx: Executor, tickets: TicketRow[]): Promise<void> {
    await upsertMany(tx, ticketsTable, tickets, { target: ticketsTable.id, onConflict: 'update' });
  },
};
