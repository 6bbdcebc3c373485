import { randomUUID } from 'node:crypto';
import type { TicketCreated } from '../events';

/** A valid ticket.created payload for a new listing, a day ahead: the bus tests' ordinary event. */
export const ticketCreatedData = (): TicketCreated => ({
  id: randomUUID(),
  version: 0,
  title: 'Gig',
  venue: 'Club',
  eventDate: new Date(Date.now() + 86_400_000).toISOString(),
  priceCents: 2500,
  currency: 'eur',
  sellerId: randomUUID(),
  status: 'available',
});
