import { isoDateTime, type CurrentUser } from '@ticketing/common';
import { z } from 'zod';
import { ticketStatus } from '../data/schema';
import type { Event } from '../domain/event';
import type { Ticket } from '../domain/ticket';
import { eventView, publicEvent } from './event-view';

/** What anyone may see of a listing; `event` (its city, its time zone) when the caller looked it up. */
export const publicTicket = z
  .object({
    id: z.uuid(),
    eventId: z.uuid(),
    title: z.string(),
    venue: z.string(),
    eventDate: isoDateTime(),
    priceCents: z.int().meta({ description: 'Minor units of `currency`.' }),
    currency: z.string().meta({ description: 'Lowercase ISO 4217 code.' }),
    description: z.string(),
    section: z.string().nullable(),
    row: z.string().nullable(),
    seat: z.string().nullable(),
    sellerId: z.uuid(),
    status: z.enum(ticketStatus.enumValues),
    version: z.int(),
    createdAt: isoDateTime(),
    updatedAt: isoDateTime(),
    event: publicEvent.optional(),
  })
  .meta({ id: 'PublicTicket' });

/** The seller (and an admin) also see which order holds the ticket; others never learn buyers' order ids. */
export const ownerTicket = publicTicket
  .extend({
    orderId: z.uuid().nullable(),
    /** Why an admin withdrew it (moderation), shown to its seller; null otherwise. */
    moderationReason: z.string().nullable(),
  })
  .meta({ id: 'OwnerTicket' });

export const publicView = (t: Ticket, event?: Event): z.infer<typeof publicTicket> => ({
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

export const ownerView = (t: Ticket, event?: Event): z.infer<typeof ownerTicket> => ({
  ...publicView(t, event),
  orderId: t.orderId,
  moderationReason: t.moderationReason,
});

export const viewFor = (t: Ticket, viewer: CurrentUser | undefined, event?: Event) =>
  viewer && (viewer.id === t.sellerId || viewer.role === 'admin')
    ? ownerView(t, event)
    : publicView(t, event);
