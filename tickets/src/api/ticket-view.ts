import type { CurrentUser } from '@ticketing/common';
import type { Event } from '../domain/event';
import type { Ticket } from '../domain/ticket';
import { eventView } from './event-view';

/** What anyone may see of a listing; `event` (its city, its time zone) when the caller looked it up. */
export const publicView = (t: Ticket, event?: Event) => ({
  id: t.id,
  eventId: t.eventId,
  title: t.title,
  venue: t.venue,
  eventDate: t.eventDate.toISOString(),
  priceCents: t.priceCents,
  currency: t.currency,
  description: t.description,
  section: t.section,
  row: t.row,
  seat: t.seat,
  sellerId: t.sellerId,
  status: t.status,
  version: t.version,
  createdAt: t.createdAt.toISOString(),
  updatedAt: t.updatedAt.toISOString(),
  ...(event ? { event: eventView(event) } : {}),
});

/** The seller (and an admin) also see which order holds the ticket; others never learn buyers' order ids. */
export const ownerView = (t: Ticket, event?: Event) => ({ ...publicView(t, event), orderId: t.orderId });

export const viewFor = (t: Ticket, viewer: CurrentUser | undefined, event?: Event) =>
  viewer && (viewer.id === t.sellerId || viewer.role === 'admin')
    ? ownerView(t, event)
    : publicView(t, event);
