import { isoDateTime } from '@ticketing/common';
import { z } from 'zod';
import { paymentStatuses } from '../data/schema';

/** A payment as the buyer sees it (built by domain/payment.ts toPaymentView; the router's types hold them together). */
export const paymentView = z
  .object({
    id: z.uuid(),
    orderId: z.uuid(),
    amountCents: z.int(),
    currency: z.string(),
    status: z.enum(paymentStatuses),
    provider: z.literal('stripe'),
    providerPaymentId: z.string(),
    createdAt: isoDateTime(),
    refundedAt: isoDateTime().nullable(),
  })
  .meta({ id: 'Payment' });

/** What paying answers: the payment and its state. */
export const paymentResult = z.object({ id: z.uuid(), status: z.enum(paymentStatuses) });

/** What the webhook answers Stripe. */
export const webhookReceipt = z.object({
  received: z.literal(true),
  outcome: z.enum(['applied', 'duplicate', 'ignored']),
});
