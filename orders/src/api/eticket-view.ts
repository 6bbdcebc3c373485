import type { EticketWithEvent } from '../data/etickets.repository';
import type { CheckInOutcome } from '../domain/check-in';

/** valid: admits at the door; used: admitted once already; voided: refunded, admits no one. */
export const eticketStatus = ({ eticket }: EticketWithEvent) =>
  eticket.voidedAt ? 'voided' : eticket.usedAt ? 'used' : 'valid';

const eventOf = ({ ticket }: EticketWithEvent) => ({
  ticketId: ticket.id,
  title: ticket.title,
  venue: ticket.venue,
  eventDate: ticket.eventDate.toISOString(),
});

/** The buyer's own view: it carries the code, so it is served to the buyer (or an admin) only. */
export const toEticketView = (row: EticketWithEvent) => ({
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
export function toCheckInView(outcome: CheckInOutcome) {
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
