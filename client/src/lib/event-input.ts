import type { EventInput } from '@/lib/api/browser';
import { zonedInstant } from '@/lib/event-time';
import { formText, type FormReading } from '@/lib/form-input';
import type { Messages } from '@/lib/messages';

/**
 * The event form's fields → the API's input. The date and time are what the venue's clocks will read:
 * they are turned into an instant in the chosen time zone, not the seller's own.
 */
export function readEventForm(form: FormData, t: Messages): FormReading<EventInput> {
  const text = formText(form);
  const say = t.errors.byField.event;
  const errors: Record<string, string> = {};
  const timeZone = text('timeZone');
  const when = zonedInstant(text('startsAt'), timeZone || 'UTC');
  const input: EventInput = {
    title: text('title'),
    venue: text('venue'),
    city: text('city'),
    startsAt: when ? when.toISOString() : text('startsAt'),
    timeZone,
    ...(text('category') ? { category: text('category') } : {}),
    ...(text('imageUrl') ? { imageUrl: text('imageUrl') } : {}),
  };
  if (!input.title || input.title.length > 120) errors.title = say.title;
  if (!input.venue || input.venue.length > 120) errors.venue = say.venue;
  if (!input.city || input.city.length > 80) errors.city = say.city;
  if (!timeZone) errors.timeZone = say.timeZone;
  if (!when || when.getTime() <= Date.now()) errors.startsAt = say.startsAt;
  if (input.imageUrl && !/^https:\/\/\S+$/.test(input.imageUrl)) errors.imageUrl = say.imageUrl;
  return { input, errors };
}
