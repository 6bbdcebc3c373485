import { ForbiddenError, toPage, type CurrentUser, type Db, type Keyset, type Page } from '@ticketing/common';
import { ticketsRepository, type AllFilters, type AvailableFilters } from '../data/tickets.repository';
import type { Ticket } from './ticket';
import { TicketNotFoundError } from './ticket-errors';

export interface PageRequest {
  limit: number;
  cursor?: Keyset;
}

export async function getTicket(db: Db, id: string): Promise<Ticket> {
  const ticket = await ticketsRepository.findById(db, id);
  if (!ticket) throw new TicketNotFoundError();
  return ticket;
}

/** The public catalogue: available tickets of upcoming events, soonest first. */
export async function listAvailableTickets(
  db: Db,
  filters: AvailableFilters,
  page: PageRequest,
): Promise<Page<Ticket>> {
  const rows = await ticketsRepository.listAvailable(db, filters, page.limit + 1, page.cursor);
  return toPage(rows, page.limit, (t) => ({ at: t.eventDate, id: t.id }));
}

/** A seller's own listings in every status, newest first. */
export async function listSellerTickets(db: Db, sellerId: string, page: PageRequest): Promise<Page<Ticket>> {
  const rows = await ticketsRepository.listBySeller(db, sellerId, page.limit + 1, page.cursor);
  return toPage(rows, page.limit, (t) => ({ at: t.createdAt, id: t.id }));
}

/** Every listing in every status (or one), newest first: the admin's view of the marketplace. */
export async function listAllTickets(
  db: Db,
  viewer: CurrentUser,
  filters: AllFilters,
  page: PageRequest,
): Promise<Page<Ticket>> {
  if (viewer.role !== 'admin') throw new ForbiddenError('Only admins may list every listing');
  const rows = await ticketsRepository.listAll(db, filters, page.limit + 1, page.cursor);
  return toPage(rows, page.limit, (t) => ({ at: t.createdAt, id: t.id }));
}
