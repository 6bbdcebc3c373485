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
    /** Tickets the order takes from the listing (absent: one); it is charged priceCents × quantity. */
    quantity: quantity.optional(),
    // revision: the listing's terms the order reserved against; tickets rejects the order if they changed
    // since. version: the same, from before revisions (every change of the listing bumped it).
    ticket: z.object({ id, priceCents, currency, version: version.optional(), revision: version.optional() }),
  }),
  (order) => order.id,
);
export type OrderCreated = z.infer<typeof orderCreated.schema>;
