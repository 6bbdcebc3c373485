import { z } from 'zod';
import { defineContract } from './contract';
import { id, quantity, version } from './shared';

export const cancellationReason = z.enum(['user', 'expired', 'rejected']);
export type CancellationReason = z.infer<typeof cancellationReason>;

export const orderCancelled = defineContract(
  'order.cancelled.v1',
  z.object({
    id,
    version,
    userId: id,
    ticket: z.object({ id }),
    quantity: quantity.optional(),
    reason: cancellationReason,
  }),
  (order) => order.id,
);
export type OrderCancelled = z.infer<typeof orderCancelled.schema>;
