import type { CurrentUser } from '@ticketing/common';
import type { Ticket } from '../domain/ticket';

/** What anyone may see of a listing. */
export const publicView = (t: Ticket) => ({
  id: t.id,
  title: t.title,
  venue: t.venue,
  eventDate: t.eventDate.toISOString(),
  priceCents: t.priceCents,
  currency: t.currency,
  description: t.description,
  sellerId: t.sellerId,
  status: t.status,
  version: t.version,
  createdAt: t.createdAt.toISOString(),
  updatedAt: t.updatedAt.toISOString(),
});

/** The seller (and an admin) also see which order holds the ticket; others never learn buyers' order ids. */
export const ownerView = (t: Ticket) => ({ ...publicView(t), orderId: t.orderId });

export const viewFor = (t: Ticket, viewer: CurrentUser | undefined) =>
  viewer && (viewer.id === t.sellerId || viewer.role === 'admin') ? ownerView(t) : publicView(t);
