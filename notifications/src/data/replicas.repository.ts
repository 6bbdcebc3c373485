import type { Executor, TicketCreated, UserRegistered } from '@ticketing/common';
import { eq, sql } from 'drizzle-orm';
import { orderReplica, ticketReplica, userReplica } from './schema';

type OrderOutcome = 'cancelled' | 'complete';
interface OrderFacts {
  id: string;
  userId: string;
  ticketId: string;
}

/** The three replicas notifications keeps: written by consumers only, read when a mail is composed. */
export const replicas = {
  async saveUser(tx: Executor, user: UserRegistered): Promise<void> {
    await tx
      .insert(userReplica)
      .values(user)
      .onConflictDoUpdate({ target: userReplica.id, set: { email: user.email, name: user.name } });
  },

  /** Newest version wins: a mail only needs a listing's latest title, venue and date. */
  async saveTicket(tx: Executor, ticket: Omit<TicketCreated, 'priceCents' | 'currency' | 'status'>) {
    const row = {
      id: ticket.id,
      version: ticket.version,
      title: ticket.title,
      venue: ticket.venue,
      eventDate: new Date(ticket.eventDate),
      sellerId: ticket.sellerId,
    };
    await tx
      .insert(ticketReplica)
      .values(row)
      .onConflictDoUpdate({
        target: ticketReplica.id,
        set: { version: row.version, title: row.title, venue: row.venue, eventDate: row.eventDate },
        setWhere: sql`${ticketReplica.version} < ${row.version}`,
      });
  },

  /** An order.created arriving after the order's outcome (another consumer, another pace) changes nothing. */
  async saveOrderCreated(tx: Executor, order: OrderFacts): Promise<void> {
    await tx
      .insert(orderReplica)
      .values({ ...order, status: 'created' })
      .onConflictDoNothing();
  },

  /** Paid and cancelled are final, whichever event arrives first. */
  async saveOrderOutcome(tx: Executor, order: OrderFacts, status: OrderOutcome): Promise<void> {
    await tx
      .insert(orderReplica)
      .values({ ...order, status })
      .onConflictDoUpdate({ target: orderReplica.id, set: { status } });
  },

  async findUser(tx: Executor, id: string) {
    const [row] = await tx.select().from(userReplica).where(eq(userReplica.id, id));
    return row;
  },

  async findTicket(tx: Executor, id: string) {
    const [row] = await tx.select().from(ticketReplica).where(eq(ticketReplica.id, id));
    return row;
  },

  async findOrder(tx: Executor, id: string) {
    const [row] = await tx.select().from(orderReplica).where(eq(orderReplica.id, id));
    return row;
  },
};
