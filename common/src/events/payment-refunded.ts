import { z } from 'zod';
import { defineContract } from './contract';
import { currency, id, priceCents } from './shared';

export const paymentRefunded = defineContract(
  'payment.refunded.v1',
  z.object({ id, orderId: id, amountCents: priceCents, currency, reason: z.string().min(1).max(200) }),
  (refund) => refund.orderId,
);
export type PaymentRefunded = z.infer<typeof paymentRefunded.schema>;
