import { z } from 'zod';
import { defineContract } from './contract';
import { id, quantity, version } from './shared';

/**
 * user: the buyer gave up an unpaid order; expired: not paid in time; rejected: tickets refused the
 * reservation; buyer_cancelled: the buyer cancelled a paid order within its listing's cancellation window
 * (payments refunds the charge, tickets puts the ticket back on sale).
 */
export const cancellationReason = z.enum(['user', 'expired', 'rejected', 'buyer_cancelled']);
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
