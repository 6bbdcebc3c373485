import {
  chargeRefusal,
  splitRefusal,
  MAXIMUM_CHARGE,
  SUPPORTED_CURRENCIES,
  type CurrentUser,
  type OrderCreated,
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

/** Tickets not reserved nor sold. */
export const ticketsLeft = (ticket: Pick<Ticket, 'quantity' | 'reserved' | 'sold'>): number =>
  ticket.quantity - ticket.reserved - ticket.sold;

/** The status that the counts give: on sale while any is left, sold once all are sold. */
export function statusOf(
  ticket: Pick<Ticket, 'quantity' | 'reserved' | 'sold' | 'status'>,
): Ticket['status'] {
  if (ticket.status === 'withdrawn') return 'withdrawn';
  if (ticket.sold === ticket.quantity) return 'sold';
  return ticketsLeft(ticket) > 0 ? 'available' : 'reserved';
}

/**
 * An order holds or bought part of the listing: its terms are what those buyers paid for, so nobody may
 * change them (or withdraw the rest) until every order on it is closed and none is sold.
 */
const isHeld = (ticket: Ticket) => ticket.reserved > 0 || ticket.sold > 0;

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
 * Why tickets refuses an order's reservation (made against orders' replica), if it does: a withdrawn
 * listing, not enough left in a split the seller allows, or terms changed since the revision the order saw
 * (its price, date or venue may not be what the buyer saw). Other buyers' reservations change no terms.
 */
export function reservationRefusal(
  ticket: Ticket | undefined,
  order: OrderCreated,
): ReservationRejectionReason | undefined {
  if (!ticket) return 'unknown_ticket';
  if (ticket.status === 'withdrawn') return 'withdrawn';
  const { revision, version } = order.ticket;
  if (
    revision !== undefined
      ? revision !== ticket.revision
      : version !== undefined && version !== ticket.version
  )
    return 'changed';
  if (splitRefusal(ticket.split, ticketsLeft(ticket), order.quantity ?? 1)) return 'unavailable';
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
  quantity: ticket.quantity,
  available: ticketsLeft(ticket),
  split: ticket.split,
  revision: ticket.revision,
  cancellationHours: ticket.cancellationHours,
  timeZone: ticket.timeZone,
});

export const toTicketUpdated = (ticket: Ticket): TicketUpdated => ({
  ...toTicketCreated(ticket),
  orderId: ticket.orderId,
});
