import { Router } from 'express';
import { handle, requireVerifiedEmail, userOf } from '@ticketing/common';
import { createEvent } from '../domain/create-event';
import { getEventWithListings, listEvents } from '../domain/find-events';
import { encodeEventCursor } from './event-cursor';
import { toEventSummaryView, toEventView } from './event-view';
import * as api from './events.operations';
import type { RouterDeps } from './router-deps';
import { toPublicTicketView } from './ticket-view';

export function eventsRouter({ db, createLimit }: RouterDeps): Router {
  const router = Router();

  handle(router, api.listEvents, async (req, res) => {
    const { limit, cursor, sort, q, ...filters } = req.query;
    const page = await listEvents(db, { ...filters, words: q }, sort, { limit, after: cursor?.key });
    res.json({
      items: page.items.map(toEventSummaryView),
      nextCursor: page.next ? encodeEventCursor(sort, page.next) : null,
    });
  });

  handle(router, api.getEvent, async (req, res) => {
    const { event, listings, availableCount } = await getEventWithListings(db, req.params.id);
    res.json({ ...toEventView(event), availableCount, listings: listings.map((t) => toPublicTicketView(t)) });
  });

  handle(router, api.createEvent, requireVerifiedEmail, createLimit, async (req, res) => {
    const event = await createEvent(db, req.body, userOf(req).id);
    res.status(201).json(toEventView(event));
  });

  return router;
}
