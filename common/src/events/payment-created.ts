import { z } from 'zod';
import { defineContract } from './contract';
import { currency, id, isoDate, priceCents } from './shared';

export const paymentCreated = defineContract(
  'payment.created.v1',
  z.object({
    id,
    orderId: id,
    amountCents: priceCents,
    currency,
    provider: z.literal('stripe'),
    providerPaymentId: z.string().min(1),
    /** When the provider took the money: orders accepts it only within the reservation window. */
    paidAt: isoDate.optional(),
  }),
  (payment) => payment.orderId,
);
export type PaymentCreated = z.infer<typeof paymentCreated.schema>;
