import { byIdErrors, jsonResponse, operation, pageResponse } from '@ticketing/common';
import { z } from 'zod';
import { eventSummary, publicEvent } from './event-view';
import { createEventBody, eventIdParams, listEventsQuery } from './events.schemas';
import { publicTicket } from './ticket-view';

// Each route of /api/events (served by tickets), declared once: events.router.ts mounts these, the OpenAPI
// document describes them.

export const eventDetail = publicEvent
  .extend({ availableCount: z.int(), listings: z.array(publicTicket) })
  .meta({ id: 'EventDetail' });

export const listEvents = operation('get /', {
  summary: 'Upcoming events: search by words (typo-tolerant), city, dates; sorted by date or lowest price',
  access: 'public',
  query: listEventsQuery,
  responses: {
    200: pageResponse(
      'A page of events, each with how many tickets are on sale and the lowest price',
      eventSummary,
    ),
    400: 'A filter or the cursor is invalid (a cursor is only valid for the sort that issued it)',
  },
});

export const getEvent = operation('get /:id', {
  summary: 'One event and its available listings, cheapest first (at most 100)',
  access: 'public',
  params: eventIdParams,
  responses: {
    200: jsonResponse('The event with its listings', eventDetail),
    ...byIdErrors('event'),
  },
});

export const createEvent = operation('post /', {
  summary: 'Create an event to list tickets in',
  access: 'signed-in',
  body: createEventBody,
  responses: {
    201: jsonResponse('The new event', publicEvent),
    400: 'Invalid fields (a start in the past or without an offset, an unknown time zone, …)',
    403: '`email_not_verified`: the user has not confirmed their email address yet',
    409: '`event_exists`: the same title at the same venue and start is already listed',
    429: 'Too many events created by this user',
  },
});
