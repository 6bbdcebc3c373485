import { isStorableDate, paginationQuery, STORABLE_DATE_MESSAGE, textField } from '@ticketing/common';
import { z } from 'zod';
import { MAX_PRICE_CENTS } from '../domain/ticket';

const futureDate = z.iso
  .datetime({ offset: true, error: 'must be an ISO 8601 date-time with a time zone' })
  .transform((value) => new Date(value))
  .refine((date) => date.getTime() > Date.now(), 'must be in the future')
  .refine(isStorableDate, STORABLE_DATE_MESSAGE);

const currency = z
  .string()
  .regex(/^[A-Za-z]{3}$/, 'must be a 3-letter ISO 4217 code')
  .transform((code) => code.toLowerCase());

const editableFields = {
  title: textField({ max: 120 }),
  venue: textField({ max: 120 }),
  eventDate: futureDate,
  priceCents: z.number().int('must be an integer amount in minor units').positive().max(MAX_PRICE_CENTS),
  currency,
  description: textField({ max: 2_000, min: 0, multiline: true }),
};

export const createTicketBody = z.object({
  ...editableFields,
  currency: currency.default('usd'),
  description: editableFields.description.default(''),
});
export type CreateTicketBody = z.infer<typeof createTicketBody>;

export const updateTicketBody = z
  .object(editableFields)
  .partial()
  .refine((edit) => Object.values(edit).some((v) => v !== undefined), 'nothing to update');
export type UpdateTicketBody = z.infer<typeof updateTicketBody>;

export const ticketIdParams = z.object({ id: z.uuid('must be a ticket id (uuid)') });

// Forms send empty fields as `name=`: treat them as absent.
const blankAsAbsent = <S extends z.ZodType>(schema: S) =>
  z.preprocess((value) => (value === '' ? undefined : value), schema);
const optional = <S extends z.ZodType>(schema: S) => blankAsAbsent(schema.optional());

const isoDate = z
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
  })
  .refine((f) => !f.from || !f.to || f.from <= f.to, { message: 'must not be before from', path: ['to'] })
  .refine((f) => f.minPrice === undefined || f.maxPrice === undefined || f.minPrice <= f.maxPrice, {
    message: 'must not be below minPrice',
    path: ['maxPrice'],
  });
export type ListTicketsQuery = z.infer<typeof listTicketsQuery>;
