import { BadRequestError, ConflictError, NotFoundError } from '@ticketing/common';

export class TicketNotFoundError extends NotFoundError {
  constructor() {
    super('No such ticket');
  }
}

export class OrderNotFoundError extends NotFoundError {
  constructor() {
    super('No such order');
  }
}

export class TicketNotAvailableError extends ConflictError {
  override readonly code = 'ticket_not_available';

  constructor(message = 'The ticket is not available') {
    super(message, 'ticketId');
  }
}

/** Fewer tickets are left than the buyer asked for (others hold or bought them). */
export class NotEnoughTicketsError extends ConflictError {
  override readonly code = 'not_enough_tickets';

  constructor(message: string) {
    super(message, 'quantity');
  }
}

/** More than the listing holds, or a split its seller forbids. */
export class QuantityNotAllowedError extends BadRequestError {
  override readonly code = 'quantity_not_allowed';

  constructor(message: string) {
    super(message, 'quantity');
  }
}

export class OwnTicketError extends BadRequestError {
  override readonly code = 'own_ticket';

  constructor() {
    super('You cannot buy your own listing', 'ticketId');
  }
}

export class EticketNotFoundError extends NotFoundError {
  constructor() {
    super('No such e-ticket');
  }
}

/** An order that is not paid (yet) has no e-tickets to print. */
export class EticketsNotIssuedError extends ConflictError {
  override readonly code = 'etickets_not_issued';

  constructor() {
    super('This order has no e-tickets: they are issued once it is paid');
  }
}
