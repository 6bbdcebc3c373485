import { z } from 'zod';
import { defineContract } from './contract';
import { currency, id, isoDate, orderStatus, priceCents, version } from './shared';

export const orderCreated = defineContract(
  'order.created.v1',
  z.object({
    id,
    version,
    status: orderStatus,
    userId: id,
    expiresAt: isoDate,
    // version: the listing's version the order reserved against; tickets rejects the order if it changed since.
    // sellerId, eventDate: for the seller's earnings in payments.
    ticket: z.object({
      id,
      priceCents,
      currency,
      version: version.optional(),
      sellerId: id.optional(),
      eventDate: isoDate.optional(),
    }),
    // The price breakdown fixed at reservation (common/src/money/fees.ts); absent: no fees, total = price.
    serviceFeeCents: z.number().int().min(0).optional(),
    sellerFeeCents: z.number().int().min(0).optional(),
    totalCents: priceCents.optional(),
    /** Until when the buyer may cancel the paid order (null: never). */
    cancellableUntil: isoDate.nullable().optional(),
  }),
  (order) => order.id,
);
export type OrderCreated = z.infer<typeof orderCreated.schema>;
