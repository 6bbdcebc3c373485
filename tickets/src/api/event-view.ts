import type { EventSummary } from '../data/events.repository';
import type { Event } from '../domain/event';

/** What anyone may see of an event. */
export const eventView = (e: Event) => ({
  id: e.id,
  title: e.title,
  venue: e.venue,
  city: e.city,
  startsAt: e.startsAt.toISOString(),
  timeZone: e.timeZone,
  category: e.category,
  imageUrl: e.imageUrl,
  createdAt: e.createdAt.toISOString(),
});

/** An event in the list, with what is on sale: "4 tickets from £48". */
export const eventSummaryView = (e: EventSummary) => ({
  ...eventView(e),
  availableCount: e.availableCount,
  lowestPrice:
    e.minPriceCents === null ? null : { priceCents: e.minPriceCents, currency: e.minPriceCurrency },
});
