import type { Db } from '@ticketing/common';
import { eventsRepository } from '../data/events.repository';
import { EventExistsError, type Event } from './event';

export interface NewEvent {
  title: string;
  venue: string;
  city: string;
  startsAt: Date;
  timeZone: string;
  category?: string;
  imageUrl?: string;
}

/**
 * An event is only a grouping: nothing is sold by it and no other service needs to know it, so it
 * publishes no event of its own (its listings carry its title, venue and start in ticket.created).
 */
export async function createEvent(db: Db, input: NewEvent, createdBy: string): Promise<Event> {
  const event = await eventsRepository.insert(db, { ...input, createdBy });
  if (!event) throw new EventExistsError();
  return event;
}
