import {
  DEFAULT_CANCELLATION_HOURS,
  isStorableDate,
  MAX_CANCELLATION_HOURS,
  MAX_LISTING_QUANTITY,
  paginationQuery,
  splitRule,
  STORABLE_DATE_MESSAGE,
  textField,
} from '@ticketing/common';
import { z } from 'zod';
import { ticketStatus } from '../data/schema';
import { MAX_PRICE_CENTS } from '../domain/ticket';

export const futureDate = z.iso
  .datetime({ offset: true, error: 'must be an ISO 8601 date-time with a time zone' })
  .transform((value) => new Date(value))
  .refine((date) => date.getTime() > Date.now(), 'must be in the future')
  .refine(isStorableDate, STORABLE_DATE_MESSAGE);

export const currency = z
  .string()
  .regex(/^[A-Za-z]{3}$/, 'must be a 3-letter ISO 4217 code')
  .transform((code) => code.toLowerCase());

/** Section, row or seat: short, optional; an empty text (or null, in an edit) clears it. */
const seatPlace = textField({ max: 40, min: 0 })
  .transform((text) => (text === '' ? null : text))
  .nullable()
  .optional();

const editableFields = {
  priceCents: z.number().int('must be an integer amount in minor units').positive().max(MAX_PRICE_CENTS),
  currency,
  description: textField({ max: 2_000, min: 0, multiline: true }),
  section: seatPlace,
  row: seatPlace,
  seat: seatPlace,
  cancellationHours: z
    .number()
    .int('must be a whole number of hours')
    .min(0)
    .max(MAX_CANCELLATION_HOURS, `must be at most ${MAX_CANCELLATION_HOURS} hours (30 days)`),
  quantity: z
    .number()
    .int('must be a whole number of tickets')
    .min(1)
    .max(MAX_LISTING_QUANTITY, `at most ${MAX_LISTING_QUANTITY} tickets per listing`),
  split: splitRule,
};

export const createTicketBody = z.object({
  eventId: z.uuid('must be an event id (uuid)'),
  ...editableFields,
  currency: currency.default('usd'),
  description: editableFields.description.default(''),
  cancellationHours: editableFields.cancellationHours.default(DEFAULT_CANCELLATION_HOURS),
  quantity: editableFields.quantity.default(1),
  split: editableFields.split.default('any'),
});
export type CreateTicketBody = z.infer<typeof createTicketBody>;

// A listing's title, venue and start are its event's: an edit naming them is refused, not ignored.
const eventOwned = z.undefined({ error: "belongs to the listing's event and cannot be changed here" });

export const updateTicketBody = z
  .object({ ...editableFields, title: eventOwned, venue: eventOwned, eventDate: eventOwned })
  .partial()
  .refine((edit) => Object.values(edit).some((v) => v !== undefined), 'nothing to update');
export type UpdateTicketBody = z.infer<typeof updateTicketBody>;

export const ticketIdParams = z.object({ id: z.uuid('must be a ticket id (uuid)') });

// Forms send empty fields as `name=`: treat them as absent.
export const blankAsAbsent = <S extends z.ZodType>(schema: S) =>
  z.preprocess((value) => (value === '' ? undefined : value), schema);
export const optional = <S extends z.ZodType>(schema: S) => blankAsAbsent(schema.optional());

export const isoDate = z
  .string()
  .refine(
    (value) => /^\d{4}-\d{2}-\d{2}($|T)/.test(value) && !Number.isNaN(Date.parse(value)),
    'must be an ISO 8601 date or date-time',
  )
  .transform((value) => new Date(value))
  .refine(isStorableDate, STORABLE_DATE_MESSAGE);

const amount = z.coerce.number().int().min(0).max(MAX_PRICE_CENTS);

export const pageQuery = z.object({
  limit: blankAsAbsent(paginationQuery.limit),
  cursor: blankAsAbsent(paginationQuery.cursor),
});
export type PageQuery = z.infer<typeof pageQuery>;

export const listTicketsQuery = pageQuery
  .extend({
    q: optional(z.string().trim().min(1).max(100)),
    from: optional(isoDate),
    to: optional(isoDate),
    minPrice: optional(amount),
    maxPrice: optional(amount),
    currency: optional(currency),
    sellerId: optional(z.uuid()),
    all: optional(z.enum(['true', 'false']))
      .transform((value) => value === 'true')
      .meta({ description: 'Every listing in every status, newest first: admins only.' }),
    status: optional(z.enum(ticketStatus.enumValues)).meta({
      description: 'With `all=true`, only listings in this status.',
    }),
  })
  .refine((f) => f.all || f.status === undefined, { message: 'needs all=true', path: ['status'] })
  .refine((f) => !f.from || !f.to || f.from <= f.to, { message: 'must not be before from', path: ['to'] })
  .refine((f) => f.minPrice === undefined || f.maxPrice === undefined || f.minPrice <= f.maxPrice, {
    message: 'must not be below minPrice',
    path: ['maxPrice'],
  });
export type ListTicketsQuery = z.infer<typeof listTicketsQuery>;

/** What the seller is told: "Withdrawn by moderation: <reason>". */
export const moderateTicketBody = z.object({ reason: textField({ min: 3, max: 300 }) });
