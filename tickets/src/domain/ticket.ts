import {
  chargeRefusal,
  MAXIMUM_CHARGE,
  SUPPORTED_CURRENCIES,
  type CurrentUser,
  type ReservationRejectionReason,
  type TicketCreated,
  type TicketUpdated,
} from '@ticketing/common';
import type { TicketRow } from '../data/tickets.repository';
import { NotTicketSellerError, PriceNotChargeableError, TicketNotModifiableError } from './ticket-errors';

export type Ticket = TicketRow;

/** The highest price a listing may ask, in minor units: the most the payment provider charges at once. */
export const MAX_PRICE_CENTS = MAXIMUM_CHARGE;

/** A listing is priced so that the provider can charge it: a currency it takes, within its limits. */
export function assertChargeable(priceCents: number, currency: string): void {
  const refusal = chargeRefusal(priceCents, currency);
  if (!refusal) return;
  const field = SUPPORTED_CURRENCIES.includes(currency.toLowerCase()) ? 'priceCents' : 'currency';
  throw new PriceNotChargeableError(field === 'priceCents' ? `Price ${refusal}` : `The ${refusal}`, field);
}

/** An order holds the ticket: nobody may touch it until the order is cancelled or completed. */
const isHeld = (ticket: Ticket) => ticket.status === 'reserved' || ticket.status === 'sold';

export function assertEditableBy(ticket: Ticket, user: CurrentUser): void {
  if (ticket.sellerId !== user.id) throw new NotTicketSellerError('edit');
  if (isHeld(ticket) || ticket.status === 'withdrawn') throw new TicketNotModifiableError(ticket.status);
}

/** Admins may withdraw any listing (moderation). */
export function assertWithdrawableBy(ticket: Ticket, user: CurrentUser): void {
  if (ticket.sellerId !== user.id && user.role !== 'admin') throw new NotTicketSellerError('withdraw');
  if (isHeld(ticket)) throw new TicketNotModifiableError(ticket.status);
}

/**
 * Why tickets refuses a reservation made against `reservedVersion` (orders' replica), if it does: a
 * withdrawn or taken listing, or one changed since (its price, date or venue may not be what the buyer saw).
 */
export function reservationRefusal(
  ticket: Ticket | undefined,
  reservedVersion: number | undefined,
): ReservationRejectionReason | undefined {
  if (!ticket) return 'unknown_ticket';
  if (ticket.status === 'withdrawn') return 'withdrawn';
  if (ticket.status !== 'available') return 'unavailable';
  if (reservedVersion !== undefined && reservedVersion !== ticket.version) return 'changed';
  return undefined;
}

export const toTicketCreated = (ticket: Ticket): TicketCreated => ({
  id: ticket.id,
  version: ticket.version,
  title: ticket.title,
  venue: ticket.venue,
  eventDate: ticket.eventDate.toISOString(),
  priceCents: ticket.priceCents,
  currency: ticket.currency,
  sellerId: ticket.sellerId,
  status: ticket.status,
  cancellationHours: ticket.cancellationHours,
});

export const toTicketUpdated = (ticket: Ticket): TicketUpdated => ({
  ...toTicketCreated(ticket),
  orderId: ticket.orderId,
});
