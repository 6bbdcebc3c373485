import { Router, type RequestHandler } from 'express';
import { requireAuth, userOf, validate, type Db } from '@ticketing/common';
import { createEvent } from '../domain/create-event';
import { getEventWithListings, listEvents } from '../domain/find-events';
import { encodeEventCursor } from './event-cursor';
import { eventSummaryView, eventView } from './event-view';
import {
  createEventBody,
  eventIdParams,
  listEventsQuery,
  type CreateEventBody,
  type ListEventsQuery,
} from './events.schemas';
import { publicView } from './ticket-view';

export interface EventsRouterDeps {
  db: Db;
  /** Limits POST / per user (the same budget as listing a ticket). */
  createLimit: RequestHandler;
}

// validate() has replaced req.query/params/body with the parsed values.
const parsed = <T>(value: unknown) => value as T;

export function eventsRouter({ db, createLimit }: EventsRouterDeps): Router {
  const router = Router();

  router.get('/', validate({ query: listEventsQuery }), async (req, res) => {
    const { limit, cursor, sort, q, ...filters } = parsed<ListEventsQuery>(req.query);
    const page = await listEvents(db, { ...filters, words: q }, sort, { limit, after: cursor?.key });
    res.json({
      items: page.items.map(eventSummaryView),
      nextCursor: page.next ? encodeEventCursor(sort, page.next) : null,
    });
  });

  router.get('/:id', validate({ params: eventIdParams }), async (req, res) => {
    const { event, listings, availableCount } = await getEventWithListings(
      db,
      parsed<{ id: string }>(req.params).id,
    );
    res.json({ ...eventView(event), availableCount, listings: listings.map((t) => publicView(t)) });
  });

  router.post('/', requireAuth, createLimit, validate({ body: createEventBody }), async (req, res) => {
    const event = await createEvent(db, parsed<CreateEventBody>(req.body), userOf(req).id);
    res.status(201).json(eventView(event));
  });

  return router;
}
