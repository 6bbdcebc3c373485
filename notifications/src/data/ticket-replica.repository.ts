import {
  DEFAULT_EVENT_TIME_ZONE,
  findById,
  upsertMany,
  type Executor,
  type TicketCreated,
} from '@ticketing/common';
import { sql } from 'drizzle-orm';
import { ticketReplica } from './schema';

type ReplicatedTicket = Omit<TicketCreated, 'priceCents' | 'currency' | 'status'>;

/** The replica row of a ticket event: the one place a replicated field is mapped. */
const toRow = (ticket: ReplicatedTicket): typeof ticketReplica.$inferInsert => ({
  id: ticket.id,
  version: ticket.version,
  title: ticket.title,
  venue: ticket.venue,
  eventDate: new Date(ticket.eventDate),
  timeZone: ticket.timeZone ?? DEFAULT_EVENT_TIME_ZONE,
  sellerId: ticket.sellerId,
});

/** The replica of tickets: written by ticket.created / ticket.updated, read when a mail is composed. */
export const ticketReplicaRepository = {
  /** Newest version wins: a mail only needs a listing's latest title, venue, date and zone. */
  async saveNewest(tx: Executor, tickets: ReplicatedTicket[]): Promise<void> {
    const newest = new Map<string, ReplicatedTicket>();
    for (const ticket of tickets) {
      if (ticket.version > (newest.get(ticket.id)?.version ?? -1)) newest.set(ticket.id, ticket);
    }
    await upsertMany(tx, ticketReplica, [...newest.values()].map(toRow), {
      target: ticketReplica.id,
      onConflict: 'update',
      set: ['version', 'title', 'venue', 'eventDate', 'timeZone'],
      where: sql`${ticketReplica.version} < excluded.version`,
    });
  },

  find: (tx: Executor, id: string) => findById(tx, ticketReplica, id),
};
