import {
  BadRequestError,
  ConflictError,
  defineError,
  ForbiddenError,
  NotFoundError,
} from '@ticketing/common';
import type { TicketStatus } from '@ticketing/common';

export class TicketNotFoundError extends defineError(NotFoundError, { message: 'Ticket not found' }) {}

export class NotTicketSellerError extends defineError(ForbiddenError, {
  message: (action: 'edit' | 'withdraw') => `Only the seller may ${action} this listing`,
}) {}

/** A reserved, sold or withdrawn listing is frozen. */
export class TicketNotModifiableError extends defineError(ConflictError, {
  code: 'ticket_not_modifiable',
  message: (status: TicketStatus) =>
    status === 'withdrawn'
      ? 'The listing was withdrawn and can no longer be changed'
      : status === 'available'
        ? 'Part of this listing is reserved or sold: it cannot be changed'
        : `The ticket is ${status} and cannot be changed`,
}) {}

/** A price or currency the payment provider would refuse to charge (common/src/money). */
export class PriceNotChargeableError extends defineError(BadRequestError, { code: 'price_not_chargeable' }) {}
