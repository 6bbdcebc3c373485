import { isoDateTime } from '@ticketing/common';
import { z } from 'zod';
import type { EticketWithEvent } from '../data/etickets.repository';
import type { CheckInOutcome } from '../domain/check-in';

const eticketEvent = z.object({
  ticketId: z.uuid(),
  title: z.string(),
  venue: z.string(),
  eventDate: isoDateTime(),
  timeZone: z
    .string()
    .meta({ description: "The event's IANA time zone: its start is told there ('UTC' if unknown)." }),
});

export const eticketSchema = z
  .object({
    id: z.uuid(),
    orderId: z.uuid(),
    code: z.string().meta({ description: 'The admission secret: shown to the buyer only' }),
    seat: z.string().nullable(),
    status: z.enum(['valid', 'used', 'voided']),
    issuedAt: isoDateTime(),
    usedAt: isoDateTime().nullable(),
    voidedAt: isoDateTime().nullable(),
    event: eticketEvent,
  })
  .meta({ id: 'Eticket' });

export const checkInSchema = z
  .object({
    result: z.enum(['admitted', 'already_used', 'not_valid']),
    reason: z.enum(['unknown', 'voided']).nullable(),
    usedAt: isoDateTime().nullable(),
    eticket: z.object({ id: z.uuid(), seat: z.string().nullable(), event: eticketEvent }).nullable(),
  })
  .meta({ id: 'CheckIn' });

/** valid: admits at the door; used: admitted once already; voided: refunded, admits no one. */
export const eticketStatus = ({ eticket }: EticketWithEvent) =>
  eticket.voidedAt ? 'voided' : eticket.usedAt ? 'used' : 'valid';

const eventOf = ({ ticket }: EticketWithEvent) => ({
  ticketId: ticket.id,
  title: ticket.title,
  venue: ticket.venue,
  eventDate: ticket.eventDate.toISOString(),
  timeZone: ticket.timeZone,
});

/** The buyer's own view: it carries the code, so it is served to the buyer (or an admin) only. */
export const toEticketView = (row: EticketWithEvent): z.infer<typeof eticketSchema> => ({
  id: row.eticket.id,
  orderId: row.eticket.orderId,
  code: row.eticket.code,
  seat: row.eticket.seat,
  status: eticketStatus(row),
  issuedAt: row.eticket.issuedAt.toISOString(),
  usedAt: row.eticket.usedAt?.toISOString() ?? null,
  voidedAt: row.eticket.voidedAt?.toISOString() ?? null,
  event: eventOf(row),
});

/** What the door is told: the outcome and which seat of which event, never the code back. */
export function toCheckInView(outcome: CheckInOutcome): z.infer<typeof checkInSchema> {
  const eticket =
    'eticket' in outcome
      ? {
          id: outcome.eticket.eticket.id,
          seat: outcome.eticket.eticket.seat,
          event: eventOf(outcome.eticket),
        }
      : null;
  return {
    result: outcome.result,
    reason: outcome.result === 'not_valid' ? outcome.reason : null,
    usedAt: outcome.result === 'already_used' ? outcome.usedAt.toISOString() : null,
    eticket,
  };
}
