import { z } from 'zod';
import { defineContract } from './contract';
import { id } from './shared';

/**
 * Tickets (the truth about a listing) refused an order.created: the listing was withdrawn, held by
 * another order, or changed since the version the order reserved against. Orders cancels the order.
 */
export const reservationRejectionReason = z.enum(['unknown_ticket', 'unavailable', 'withdrawn', 'changed']);
export type ReservationRejectionReason = z.infer<typeof reservationRejectionReason>;

export const ticketReservationRejected = defineContract(
  'ticket.reservation-rejected.v1',
  z.object({ orderId: id, ticketId: id, reason: reservationRejectionReason }),
  (rejection) => rejection.orderId,
);
export type TicketReservationRejected = z.infer<typeof ticketReservationRejected.schema>;
