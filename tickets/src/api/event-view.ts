import { isoDateTime } from '@ticketing/common';
import { z } from 'zod';
import type { EventSummary } from '../data/events.repository';
import type { Event } from '../domain/event';

/** What anyone may see of an event. */
export const publicEvent = z
  .object({
    id: z.uuid(),
    title: z.string(),
    venue: z.string(),
    city: z.string(),
    startsAt: isoDateTime(),
    timeZone: z.string().meta({ description: 'IANA time zone of the venue, e.g. Europe/Berlin.' }),
    category: z.string().nullable(),
    imageUrl: z.string().nullable(),
    createdAt: isoDateTime(),
  })
  .meta({ id: 'Event' });

/** An event in the list, with what is on sale: "4 tickets from £48". */
export const eventSummary = publicEvent
  .extend({
    availableCount: z.int().meta({ description: 'Tickets left in its listings on sale.' }),
    lowestPrice: z.object({ priceCents: z.int(), currency: z.string() }).nullable(),
  })
  .meta({ id: 'EventSummary' });

export const toEventView = (e: Event): z.infer<typeof publicEvent> => ({
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

export const toEventSummaryView = (e: EventSummary): z.infer<typeof eventSummary> => ({
  ...toEventView(e),
  availableCount: e.availableCount,
  lowestPrice:
    e.minPriceCents === null || e.minPriceCurrency === null
      ? null
      : { priceCents: e.minPriceCents, currency: e.minPriceCurrency },
});
