import { isoDateTime } from '@ticketing/common';
import { z } from 'zod';
import type { OrderWithTicket } from '../data/orders.repository';
import { cancellationReasonEnum, orderStatusEnum } from '../data/schema';

/** The order as the API shows it: what it costs, its state, and a summary of the ticket. */
export const orderView = z
  .object({
    id: z.uuid(),
    status: z.enum(orderStatusEnum.enumValues),
    userId: z.uuid(),
    expiresAt: isoDateTime().meta({ description: 'When an unpaid order is cancelled and its ticket freed.' }),
    priceCents: z.int().meta({ description: 'The price of one ticket, in minor units.' }),
    quantity: z.int().meta({ description: 'Tickets the order takes from the listing.' }),
    amountCents: z
      .int()
      .meta({ description: 'The tickets before the service fee (the subtotal): priceCents × quantity.' }),
    currency: z.string(),
    cancellationReason: z.enum(cancellationReasonEnum.enumValues).nullable(),
    cancellableUntil: isoDateTime()
      .nullable()
      .meta({ description: 'Until when the buyer may cancel the paid order and be refunded; null: never.' }),
    refundedAt: isoDateTime().nullable().meta({ description: 'When the payment was refunded.' }),
    serviceFeeCents: z.int().meta({
      description: "The platform's service fee on `amountCents`, added to it (one fee for the order).",
    }),
    totalCents: z
      .int()
      .meta({ description: 'What the buyer pays and is charged: `amountCents` + `serviceFeeCents`.' }),
    paidAt: isoDateTime().nullable().meta({ description: 'When the payment was accepted.' }),
    version: z.int(),
    createdAt: isoDateTime(),
    updatedAt: isoDateTime(),
    ticket: z.object({
      id: z.uuid(),
      title: z.string(),
      venue: z.string(),
      eventDate: isoDateTime(),
      priceCents: z.int(),
      currency: z.string(),
    }),
  })
  .meta({ id: 'Order' });

export const toOrderView = ({ order, ticket }: OrderWithTicket): z.infer<typeof orderView> => ({
  id: order.id,
  status: order.status,
  userId: order.userId,
  expiresAt: order.expiresAt.toISOString(),
  priceCents: order.priceCents,
  quantity: order.quantity,
  amountCents: order.priceCents * order.quantity,
  currency: order.currency,
  cancellationReason: order.cancellationReason,
  cancellableUntil: order.cancellableUntil?.toISOString() ?? null,
  refundedAt: order.refundedAt?.toISOString() ?? null,
  serviceFeeCents: order.serviceFeeCents,
  totalCents: order.totalCents,
  paidAt: order.paidAt?.toISOString() ?? null,
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
