import type { TicketUpdated } from '../events/ticket-updated';
import { ticketCreatedData } from './events';

/** A valid ticket.updated payload for a listing nobody has bought; `overrides` set what a test looks at. */
export const ticketUpdatedData = (overrides: Partial<TicketUpdated> = {}): TicketUpdated => ({
  ...ticketCreatedData(),
  orderId: null,
  ...overrides,
});
