import { paginationQuery } from '@ticketing/common';
import { z } from 'zod';

/** Only what the buyer chooses: the amount always comes from the order (unknown fields are dropped). */
export const payOrderBody = z.object({
  orderId: z.uuid(),
  paymentMethodId: z
    .string()
    .min(1)
    .max(255)
    .regex(/^pm_\w+$/, 'must be a Stripe PaymentMethod id (pm_…)'),
});

/** A page of payments, optionally only those of one order (its receipt names the card that paid). */
export const listPaymentsQuery = z.object({
  ...paginationQuery,
  orderId: z.uuid().optional().meta({ description: 'Only the payments of this order.' }),
});
