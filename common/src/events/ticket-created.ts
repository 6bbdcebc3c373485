import { z } from 'zod';
import { defineContract } from './contract';
import { currency, id, isoDate, priceCents, ticketStatus, version } from './shared';

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
  /** Until how many hours before the event a buyer may cancel a paid order; 0: never. Absent: the default. */
  cancellationHours: z.number().int().min(0).optional(),
};

export const ticketCreated = defineContract(
  'ticket.created.v1',
  z.object(ticketFields),
  (ticket) => ticket.id,
);
export type TicketCreated = z.infer<typeof ticketCreated.schema>;
