import type { Db } from '@ticketing/common';
import {
  eventsRepository,
  NO_PRICE_KEY,
  type EventFilters,
  type EventKeyset,
  type EventSort,
  type EventSummary,
} from '../data/events.repository';
import { EventNotFoundError, type Event } from './event';
import type { Ticket } from './ticket';

/** An event's page shows at most this many of its cheapest listings (availableCount says how many exist). */
export const EVENT_PAGE_LISTINGS = 100;

export interface EventPage {
  items: EventSummary[];
  /** The last item's sort key when another page follows. */
  next: EventKeyset | null;
}

export async function listEvents(
  db: Db,
  filters: EventFilters,
  sort: EventSort,
  page: { limit: number; after?: EventKeyset },
): Promise<EventPage> {
  const rows = await eventsRepository.listUpcoming(db, filters, sort, page.limit + 1, page.after);
  const items = rows.slice(0, page.limit);
  const last = items.at(-1);
  const next =
    rows.length > page.limit && last
      ? {
          startsAt: last.startsAt,
          id: last.id,
          ...(sort === 'price' ? { priceKey: last.minPriceCents ?? NO_PRICE_KEY } : {}),
        }
      : null;
  return { items, next };
}

export async function getEventWithListings(
  db: Db,
  id: string,
): Promise<{ event: Event; listings: Ticket[]; availableCount: number }> {
  const event = await eventsRepository.findById(db, id);
  if (!event) throw new EventNotFoundError();
  const [listings, availableCount] = await Promise.all([
    eventsRepository.availableListings(db, id, EVENT_PAGE_LISTINGS),
    eventsRepository.countAvailable(db, id),
  ]);
  return { event, listings, availableCount };
}

/** The events of some listings, by id: a listing's view shows its event (its city, its time zone). */
export async function eventsOf(db: Db, listings: Ticket[]): Promise<Map<string, Event>> {
  const rows = await eventsRepository.findByIds(db, [...new Set(listings.map((t) => t.eventId))]);
  return new Map(rows.map((e) => [e.id, e]));
}
