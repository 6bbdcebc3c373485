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
    ticket: z.object({ id, priceCents, currency }),
  }),
  (order) => order.id,
);
export type OrderCreated = z.infer<typeof orderCreated.schema>;
