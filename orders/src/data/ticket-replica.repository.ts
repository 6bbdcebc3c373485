import { eq, sql } from 'drizzle-orm';
import { lockVersions, upsertMany, type Executor } from '@ticketing/common';
import { ticketReplica, type TicketReplicaRow } from './schema';

const findByIdStatements = new WeakMap<Executor, ReturnType<typeof prepareFindById>>();
const prepareFindById = (db: Executor) =>
  db
    .select()
    .from(ticketReplica)
    .where(eq(ticketReplica.id, sql.placeholder('id')))
    .prepare('orders_ticket_by_id');
const findByIdStatement = (db: Executor) => {
  let statement = findByIdStatements.get(db);
  if (!statement) findByIdStatements.set(db, (statement = prepareFindById(db)));
  return statement;
};

/** What ticket events write: everything but `held`, which is orders' own count. */
export type ReplicatedTicket = Omit<TicketReplicaRow, 'held'>;

/** The local replica of tickets; the ticket consumers write it, orders' own use cases only `held`. */
export const ticketReplicaRepository = {
  /** Tickets not there yet are added; one already there (a redelivered ticket.created) is left alone. */
  async insertIfAbsent(tx: Executor, tickets: ReplicatedTicket[]): Promise<void> {
    await upsertMany(tx, ticketReplica, tickets, { target: ticketReplica.id });
  },

  /**
   * A named statement (the first step of every order): parsed and planned once per connection, and built
   * once per executor; drizzle building the SELECT anew cost more CPU than the rest of the request's SQL.
   */
  async findById(db: Executor, id: string): Promise<TicketReplicaRow | undefined> {
    const [row] = await findByIdStatement(db).execute({ id });
    return row;
  },

  /** The stored versions of these tickets, locked (in id order, so two batches never deadlock). */
  lockVersions: (tx: Executor, ids: string[]) => lockVersions(tx, ticketReplica, ids),

  /** Overwrites the replicated columns of stored tickets (one row per id); `held` stays orders' own. */
  async save(tx: Executor, tickets: ReplicatedTicket[]): Promise<void> {
    await upsertMany(tx, ticketReplica, tickets, { target: ticketReplica.id, onConflict: 'update' });
  },

  /** A closed order gives its tickets back to the listing (placing one takes them: ordersRepository.reserve). */
  async release(tx: Executor, id: string, quantity: number): Promise<void> {
    await tx
      .update(ticketReplica)
      .set({ held: sql`${ticketReplica.held} - ${quantity}` })
      .where(eq(ticketReplica.id, id));
  },
};
