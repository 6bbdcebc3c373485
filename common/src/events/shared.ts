import { z } from 'zod';

export const id = z.uuid();
export const version = z.number().int().min(0);
export const priceCents = z.number().int().positive();
/** ISO 4217, lower case as Stripe uses it. */
export const currency = z
  .string()
  .regex(/^[a-zA-Z]{3}$/)
  .transform((c) => c.toLowerCase());
export const isoDate = z.iso.datetime({ offset: true });

/** How many tickets a listing holds or an order takes. */
export const MAX_LISTING_QUANTITY = 20;
export const quantity = z.number().int().min(1).max(MAX_LISTING_QUANTITY);

/**
 * The splits a seller allows: `any` number; `no-single`, never leave exactly one unsold; `all` remaining
 * tickets together.
 */
export const splitRule = z.enum(['any', 'no-single', 'all']);
export type SplitRule = z.infer<typeof splitRule>;

export const ticketStatus = z.enum(['available', 'reserved', 'sold', 'withdrawn']);
export type TicketStatus = z.infer<typeof ticketStatus>;

export const orderStatus = z.enum(['created', 'cancelled', 'complete']);
export type OrderStatus = z.infer<typeof orderStatus>;
