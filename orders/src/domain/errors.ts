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
