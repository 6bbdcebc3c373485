import { eq, sql } from 'drizzle-orm';
import type { Executor } from '@ticketing/common';
import { ticketsTable, type TicketRow } from './schema';

/** What ticket events write: everything but `held`, which is orders' own count. */
export type ReplicatedTicket = Omit<TicketRow, 'held'>;

/** The local replica of tickets; the ticket consumers write it, orders' own use cases only `held`. */
export const ticketReplica = {
  /** False when the ticket was already there (a redelivered or re-published ticket.created). */
  async insertIfAbsent(tx: Executor, ticket: ReplicatedTicket): Promise<boolean> {
    const inserted = await tx
      .insert(ticketsTable)
      .values(ticket)
      .onConflictDoNothing({ target: ticketsTable.id })
      .returning({ id: ticketsTable.id });
    return inserted.length > 0;
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

  async lockById(tx: Executor, id: string): Promise<TicketRow | undefined> {
    const [row] = await tx.select().from(ticketsTable).where(eq(ticketsTable.id, id)).for('update');
    return row;
  },

  async save(tx: Executor, ticket: ReplicatedTicket): Promise<void> {
    await tx.update(ticketsTable).set(ticket).where(eq(ticketsTable.id, ticket.id));
  },

  /** A closed order gives its tickets back to the listing (placing one takes them: orders.reserve). */
  async release(tx: Executor, id: string, quantity: number): Promise<void> {
    await tx
      .update(ticketsTable)
      .set({ held: sql`${ticketsTable.held} - ${quantity}` })
      .where(eq(ticketsTable.id, id));
  },
};
