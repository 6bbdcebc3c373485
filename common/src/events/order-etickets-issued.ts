import { z } from 'zod';
import { defineContract } from './contract';
import { id, isoDate } from './shared';

/**
 * Orders issued the e-tickets of a paid order (one per seat). The codes are the admission secrets: only
 * the buyer's own pages and the confirmation email show them.
 */
export const orderEticketsIssued = defineContract(
  'order.etickets-issued.v1',
  z.object({
    orderId: id,
    userId: id,
    ticket: z.object({ id }),
    issuedAt: isoDate,
    etickets: z
      .array(z.object({ id, code: z.string().min(16).max(200), seat: z.string().max(100).nullable() }))
      .min(1),
  }),
  (issued) => issued.orderId,
);
export type OrderEticketsIssued = z.infer<typeof orderEticketsIssued.schema>;
