import {
  DEFAULT_EVENT_TIME_ZONE,
  upsertMany,
  type Executor,
  type TicketCreated,
  type UserRegistered,
} from '@ticketing/common';
import { eq, sql } from 'drizzle-orm';
import { orderReplica, ticketReplica, userReplica } from './schema';

type OrderOutcome = 'cancelled' | 'complete';
interface OrderFacts {
  id: string;
  userId: string;
  ticketId: string;
}

type ReplicatedTicket = Omit<TicketCreated, 'priceCents' | 'currency' | 'status'>;

/** The replica row of a ticket event: the one place a replicated field is mapped. */
const toTicketRow = (ticket: ReplicatedTicket): typeof ticketReplica.$inferInsert => ({
  id: ticket.id,
  version: ticket.version,
  title: ticket.title,
  venue: ticket.venue,
  eventDate: new Date(ticket.eventDate),
  timeZone: ticket.timeZone ?? DEFAULT_EVENT_TIME_ZONE,
  sellerId: ticket.sellerId,
});

/** The three replicas notifications keeps: written by consumers only, read when a mail is composed. */
export const replicas = {
  /** The last registration of a user wins (a user registers once; a replay repeats the same data). */
  async saveUsers(tx: Executor, users: UserRegistered[]): Promise<void> {
    const last = new Map(users.map((user) => [user.id, { id: user.id, email: user.email, name: user.name }]));
    await upsertMany(tx, userReplica, [...last.values()], { target: userReplica.id, onConflict: 'update' });
  },

  /** Newest version wins: a mail only needs a listing's latest title, venue, date and zone. */
  async saveTickets(tx: Executor, tickets: ReplicatedTicket[]): Promise<void> {
    const newest = new Map<string, ReplicatedTicket>();
    for (const ticket of tickets) {
      if (ticket.version > (newest.get(ticket.id)?.version ?? -1)) newest.set(ticket.id, ticket);
    }
    await upsertMany(tx, ticketReplica, [...newest.values()].map(toTicketRow), {
      target: ticketReplica.id,
      onConflict: 'update',
      set: ['version', 'title', 'venue', 'eventDate', 'timeZone'],
      where: sql`${ticketReplica.version} < excluded.version`,
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
