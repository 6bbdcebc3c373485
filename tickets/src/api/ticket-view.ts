import { isoDateTime, type CurrentUser } from '@ticketing/common';
import { z } from 'zod';
import { ticketStatus } from '../data/schema';
import type { Ticket } from '../domain/ticket';

/** What anyone may see of a listing. */
export const publicTicket = z
  .object({
    id: z.uuid(),
    title: z.string(),
    venue: z.string(),
    eventDate: isoDateTime(),
    priceCents: z.int().meta({ description: 'Minor units of `currency`.' }),
    currency: z.string().meta({ description: 'Lowercase ISO 4217 code.' }),
    description: z.string(),
    sellerId: z.uuid(),
    status: z.enum(ticketStatus.enumValues),
    version: z.int(),
    createdAt: isoDateTime(),
    updatedAt: isoDateTime(),
  })
  .meta({ id: 'PublicTicket' });

/** The seller (and an admin) also see which order holds the ticket; others never learn buyers' order ids. */
export const ownerTicket = publicTicket.extend({ orderId: z.uuid().nullable() }).meta({ id: 'OwnerTicket' });

export const publicView = (t: Ticket): z.infer<typeof publicTicket> => ({
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

export const ownerView = (t: Ticket): z.infer<typeof ownerTicket> => ({
  ...publicView(t),
  orderId: t.orderId,
});

export const viewFor = (t: Ticket, viewer: CurrentUser | undefined) =>
  viewer && (viewer.id === t.sellerId || viewer.role === 'admin') ? ownerView(t) : publicView(t);
