import { outbox, ticketCreated, type Db, type SplitRule } from '@ticketing/common';
import { eventsRepository } from '../data/events.repository';
import { ticketsRepository } from '../data/tickets.repository';
import { EventStartedError, hasStarted, UnknownEventError } from './event';
import { assertChargeable, toTicketCreated, type Ticket } from './ticket';

/** Where the seat is, as the seller gives it (each part optional). */
export interface SeatPlace {
  section?: string | null;
  row?: string | null;
  seat?: string | null;
}

export interface ListingTerms extends SeatPlace {
  priceCents: number;
  currency: string;
  description: string;
  quantity: number;
  split: SplitRule;
  /** Until how many hours before the event a buyer may cancel a paid order; 0: never. */
  cancellationHours: number;
}

export interface NewTicket extends ListingTerms {
  eventId: string;
}

/** A listing in an event still to come; it copies the event's title, venue, start and zone for its contract. */
export function createTicket(db: Db, input: NewTicket, sellerId: string): Promise<Ticket> {
  assertChargeable(input.priceCents, input.currency);
  return db.transaction(async (tx) => {
    const event = await eventsRepository.findById(tx, input.eventId);
    if (!event) throw new UnknownEventError();
    if (hasStarted(event)) throw new EventStartedError();
    const ticket = await ticketsRepository.insert(tx, {
      ...input,
      title: event.title,
      venue: event.venue,
      eventDate: event.startsAt,
      timeZone: event.timeZone,
      sellerId,
    });
    await outbox.add(tx, ticketCreated, toTicketCreated(ticket));
    return ticket;
  });
}
