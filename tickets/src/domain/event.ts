import { BadRequestError, ConflictError, defineError, NotFoundError } from '@ticketing/common';
import type { EventRow } from '../data/events.repository';

export type Event = EventRow;

/** What an event may be filed under; the client offers the same list. */
export const EVENT_CATEGORIES = [
  'concert',
  'theatre',
  'sport',
  'comedy',
  'festival',
  'conference',
  'other',
] as const;

/** An IANA zone the runtime knows ("Europe/Berlin", "UTC"): times are shown in it, so it must resolve. */
export function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: name });
    return name.length <= 64;
  } catch {
    return false;
  }
}

export class EventNotFoundError extends defineError(NotFoundError, { message: 'Event not found' }) {}

/** The same title at the same venue and start is one event: list in it instead of making another. */
export class EventExistsError extends defineError(ConflictError, {
  code: 'event_exists',
  message: 'This event exists already: pick it to list your ticket in it',
  field: 'title',
}) {}

/** A listing names an event that does not exist. */
export class UnknownEventError extends defineError(BadRequestError, {
  code: 'event_not_found',
  message: 'No such event',
  field: 'eventId',
}) {}

/** Tickets are listed only for events still to come. */
export class EventStartedError extends defineError(BadRequestError, {
  code: 'event_started',
  message: 'The event has already started',
  field: 'eventId',
}) {}

export const hasStarted = (event: Event, now = new Date()) => event.startsAt.getTime() <= now.getTime();
