import { eq, sql } from 'drizzle-orm';
import type { Executor } from '@ticketing/common';
import { ticketsTable, type TicketRow } from './schema';

const findByIdStatements = new WeakMap<Executor, ReturnType<typeof prepareFindById>>();
const prepareFindById = (db: Executor) =>
  db
    .select()
    .from(ticketsTable)
    .where(eq(ticketsTable.id, sql.placeholder('id')))
    .prepare('orders_ticket_by_id');
const findByIdStatement = (db: Executor) => {
  let statement = findByIdStatements.get(db);
  if (!statement) findByIdStatements.set(db, (statement = prepareFindById(db)));
  return statement;
};

/** The local replica of tickets; only the ticket consumers write it. */
export const ticketReplica = {
  /** False when the ticket was already there (a redelivered or re-published ticket.created). */
  async insertIfAbsent(tx: Executor, ticket: TicketRow): Promise<boolean> {
    const inserted = await tx
      .insert(ticketsTable)
      .values(ticket)
      .onConflictDoNothing({ target: ticketsTable.id })
      .returning({ id: ticketsTable.id });
    return inserted.length > 0;
  },

  /**
   * A named statement (the first step of every order): parsed and planned once per connection, and built
   * once per executor; drizzle building the SELECT anew cost more CPU than the rest of the request's SQL.
   */
  async findById(db: Executor, id: string): Promise<TicketRow | undefined> {
    const [row] = await findByIdStatement(db).execute({ id });
    return row;
  },

  async lockById(tx: Executor, id: string): Promise<TicketRow | undefined> {
    const [row] = await tx.select().from(ticketsTable).where(eq(ticketsTable.id, id)).for('update');
    return row;
  },

  async save(tx: Executor, ticket: TicketRow): Promise<void> {
    await tx.update(ticketsTable).set(ticket).where(eq(ticketsTable.id, ticket.id));
  },
};
