import { paginationQuery, textField } from '@ticketing/common';
import { z } from 'zod';
import { EVENT_CATEGORIES, isTimeZone } from '../domain/event';
import { decodeEventCursor } from './event-cursor';
import { blankAsAbsent, futureDate, isoDate, optional } from './tickets.schemas';

const imageUrl = z
  .url({ protocol: /^https$/, error: 'must be an https URL' })
  .max(2_000, 'must be at most 2000 characters');

export const createEventBody = z.object({
  title: textField({ max: 120 }),
  venue: textField({ max: 120 }),
  city: textField({ max: 80 }),
  startsAt: futureDate,
  timeZone: z.string().refine(isTimeZone, 'must be an IANA time zone, e.g. Europe/Berlin'),
  category: optional(z.enum(EVENT_CATEGORIES, `must be one of ${EVENT_CATEGORIES.join(', ')}`)),
  imageUrl: optional(imageUrl),
});
export type CreateEventBody = z.infer<typeof createEventBody>;

export const eventIdParams = z.object({ id: z.uuid('must be an event id (uuid)') });

/** Search words: letters and digits only (punctuation separates words), at most 8 of them. */
const searchWords = z
  .string()
  .max(100)
  .transform((q) =>
    q
      .toLowerCase()
      .split(/[^\p{L}\p{N}]+/u)
      .filter(Boolean)
      .slice(0, 8),
  )
  .transform((words) => (words.length > 0 ? words : undefined));

export const listEventsQuery = z
  .object({
    limit: blankAsAbsent(paginationQuery.limit),
    cursor: optional(
      z
        .string()
        .max(200)
        .transform((text, ctx) => {
          const decoded = decodeEventCursor(text);
          if (!decoded) ctx.addIssue({ code: 'custom', message: 'Invalid cursor' });
          return decoded ?? z.NEVER;
        }),
    ),
    q: optional(searchWords),
    city: optional(textField({ max: 80 })),
    from: optional(isoDate),
    to: optional(isoDate),
    sort: blankAsAbsent(z.enum(['date', 'price'], 'must be date or price').default('date')),
  })
  .refine((f) => !f.from || !f.to || f.from <= f.to, { message: 'must not be before from', path: ['to'] })
  .refine((f) => !f.cursor || f.cursor.sort === f.sort, {
    message: 'Invalid cursor: it belongs to another sort',
    path: ['cursor'],
  });
export type ListEventsQuery = z.infer<typeof listEventsQuery>;
