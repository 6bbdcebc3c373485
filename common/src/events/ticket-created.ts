import { z } from 'zod';
import { defineContract } from './contract';
import { currency, id, isoDate, priceCents, quantity, splitRule, ticketStatus, version } from './shared';

export const ticketFields = {
  id,
  version,
  title: z.string().min(1).max(120),
  venue: z.string().min(1).max(120),
  eventDate: isoDate,
  priceCents,
  currency,
  sellerId: id,
  status: ticketStatus,
  // Added with quantities; absent means a listing of one ticket, split `any`, terms revision 0.
  /** Tickets in the listing. */
  quantity: quantity.optional(),
  /** Tickets neither reserved nor sold. */
  available: z.number().int().min(0).optional(),
  split: splitRule.optional(),
  /** Bumped only by the seller's edits of the terms: an order reserves against it, not against `version`. */
  revision: version.optional(),
  /** Until how many hours before the event a buyer may cancel a paid order; 0: never. Absent: the default. */
  cancellationHours: z.number().int().min(0).optional(),
  /** The event's IANA time zone, where its start is told ("Europe/Berlin"). Absent: UTC. */
  timeZone: z.string().min(1).max(64).optional(),
};

export const ticketCreated = defineContract(
  'ticket.created.v1',
  z.object(ticketFields),
  (ticket) => ticket.id,
);
export type TicketCreated = z.infer<typeof ticketCreated.schema>;
