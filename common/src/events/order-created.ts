import { z } from 'zod';
import { defineContract } from './contract';
import { currency, id, isoDate, orderStatus, priceCents, quantity, version } from './shared';

export const orderCreated = defineContract(
  'order.created.v1',
  z.object({
    id,
    version,
    status: orderStatus,
    userId: id,
    expiresAt: isoDate,
    /** Tickets the order takes from the listing (absent: one); its subtotal is priceCents × quantity. */
    quantity: quantity.optional(),
    // revision: the listing's terms the order reserved against; tickets rejects the order if they changed
    // since. version: the same, from before revisions (every change of the listing bumped it).
    // sellerId, eventDate: for the seller's earnings in payments.
    ticket: z.object({
      id,
      priceCents,
      currency,
      version: version.optional(),
      revision: version.optional(),
      sellerId: id.optional(),
      eventDate: isoDate.optional(),
    }),
    // The whole order's price breakdown fixed at reservation (priceBreakdown in common/src/money/fees.ts,
    // on price × quantity); absent: no fees, total = price × quantity.
    serviceFeeCents: z.number().int().min(0).optional(),
    sellerFeeCents: z.number().int().min(0).optional(),
    totalCents: priceCents.optional(),
    /** Until when the buyer may cancel the paid order (null: never). */
    cancellableUntil: isoDate.nullable().optional(),
  }),
  (order) => order.id,
);
export type OrderCreated = z.infer<typeof orderCreated.schema>;
