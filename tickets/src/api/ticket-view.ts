import { allowedQuantities, isoDateTime, splitRule, type CurrentUser } from '@ticketing/common';
import { z } from 'zod';
import { ticketStatus } from '../data/schema';
import type { Event } from '../domain/event';
import { ticketsLeft, type Ticket } from '../domain/ticket';
import { toEventView, publicEvent } from './event-view';

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
    quantity: z.int().meta({ description: 'Tickets in the listing.' }),
    split: splitRule.meta({
      description:
        '`any` number; `no-single`: never leave exactly one unsold; `all`: every remaining ticket together.',
    }),
    available: z.int().meta({ description: 'Tickets neither reserved nor sold.' }),
    allowedQuantities: z.array(z.int()).meta({ description: 'How many a buyer may take now, in the split.' }),
    cancellationHours: z.int().meta({
      description:
        'A buyer may cancel a paid order (and is refunded) until this many hours before the event; 0: never.',
    }),
    status: z.enum(ticketStatus.enumValues),
    version: z.int(),
    revision: z.int().meta({ description: "Bumped by the seller's edits of the terms only." }),
    createdAt: isoDateTime(),
    updatedAt: isoDateTime(),
    event: publicEvent.optional(),
  })
  .meta({ id: 'PublicTicket' });

/** The seller (and an admin) also see which order holds the ticket; others never learn buyers' order ids. */
export const ownerTicket = publicTicket
  .extend({
    orderId: z.uuid().nullable(),
    reserved: z.int(),
    sold: z.int(),
    /** Why an admin withdrew it (moderation), shown to its seller; null otherwise. */
    moderationReason: z.string().nullable(),
  })
  .meta({ id: 'OwnerTicket' });

export const toPublicTicketView = (t: Ticket, event?: Event): z.infer<typeof publicTicket> => ({
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
  quantity: t.quantity,
  split: t.split,
  available: t.status === 'withdrawn' ? 0 : ticketsLeft(t),
  allowedQuantities: t.status === 'available' ? allowedQuantities(t.split, ticketsLeft(t)) : [],
  cancellationHours: t.cancellationHours,
  status: t.status,
  version: t.version,
  revision: t.revision,
  createdAt: t.createdAt.toISOString(),
  updatedAt: t.updatedAt.toISOString(),
  ...(event ? { event: toEventView(event) } : {}),
});

export const toOwnerTicketView = (t: Ticket, event?: Event): z.infer<typeof ownerTicket> => ({
  ...toPublicTicketView(t, event),
  orderId: t.orderId,
  reserved: t.reserved,
  sold: t.sold,
  moderationReason: t.moderationReason,
});

export const viewFor = (t: Ticket, viewer: CurrentUser | undefined, event?: Event) =>
  viewer && (viewer.id === t.sellerId || viewer.role === 'admin')
    ? toOwnerTicketView(t, event)
    : toPublicTicketView(t, event);
