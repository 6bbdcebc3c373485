import { BadRequestError, ConflictError, ForbiddenError, NotFoundError } from '@ticketing/common';
import type { TicketStatus } from '@ticketing/common';

export class TicketNotFoundError extends NotFoundError {
  constructor() {
    super('Ticket not found');
  }
}

export class NotTicketSellerError extends ForbiddenError {
  constructor(action: 'edit' | 'withdraw') {
    super(`Only the seller may ${action} this listing`);
  }
}

/** A reserved, sold or withdrawn listing is frozen. */
export class TicketNotModifiableError extends ConflictError {
  override readonly code = 'ticket_not_modifiable';

  constructor(status: TicketStatus) {
    super(
      status === 'withdrawn'
        ? 'The listing was withdrawn and can no longer be changed'
        : status === 'available'
          ? 'Part of this listing is reserved or sold: it cannot be changed'
          : `The ticket is ${status} and cannot be changed`,
    );
  }
}

/** A price or currency the payment provider would refuse to charge (common/src/money). */
export class PriceNotChargeableError extends BadRequestError {
  override readonly code = 'price_not_chargeable';
}
