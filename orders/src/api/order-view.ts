import type { OrderWithTicket } from '../data/orders.repository';

/** The order as the API shows it: what it costs, its state, and a summary of the ticket. */
export const toOrderView = ({ order, ticket }: OrderWithTicket) => ({
  id: order.id,
  status: order.status,
  userId: order.userId,
  expiresAt: order.expiresAt.toISOString(),
  priceCents: order.priceCents,
  currency: order.currency,
  cancellationReason: order.cancellationReason,
  version: order.version,
  createdAt: order.createdAt.toISOString(),
  updatedAt: order.updatedAt.toISOString(),
  ticket: {
    id: ticket.id,
    title: ticket.title,
    venue: ticket.venue,
    eventDate: ticket.eventDate.toISOString(),
    priceCents: ticket.priceCents,
    currency: ticket.currency,
  },
});
