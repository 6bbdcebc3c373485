import { BadRequestError, ConflictError, defineError, NotFoundError } from '@ticketing/common';

export class TicketNotFoundError extends defineError(NotFoundError, { message: 'No such ticket' }) {}

export class OrderNotFoundError extends defineError(NotFoundError, { message: 'No such order' }) {}

export class TicketNotAvailableError extends defineError(ConflictError, {
  code: 'ticket_not_available',
  message: 'The ticket is not available',
  field: 'ticketId',
}) {}

/** Fewer tickets are left than the buyer asked for (others hold or bought them). */
export class NotEnoughTicketsError extends defineError(ConflictError, {
  code: 'not_enough_tickets',
  field: 'quantity',
}) {}

/** More than the listing holds, or a split its seller forbids. */
export class QuantityNotAllowedError extends defineError(BadRequestError, {
  code: 'quantity_not_allowed',
  field: 'quantity',
}) {}

export class OwnTicketError extends defineError(BadRequestError, {
  code: 'own_ticket',
  message: 'You cannot buy your own listing',
  field: 'ticketId',
}) {}

export class EticketNotFoundError extends defineError(NotFoundError, { message: 'No such e-ticket' }) {}

/** An order that is not paid (yet) has no e-tickets to print. */
export class EticketsNotIssuedError extends defineError(ConflictError, {
  code: 'etickets_not_issued',
  message: 'This order has no e-tickets: they are issued once it is paid',
}) {}
