import { isoDateTime } from '@ticketing/common';
import { z } from 'zod';
import type { PaymentRow } from '../data/payments.repository';
import { paymentStatuses } from '../data/schema';

/** A payment as the buyer sees it. */
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
    card: z
      .object({
        brand: z.string().meta({ description: 'As the provider names it: visa, mastercard, amex…' }),
        last4: z.string(),
      })
      .nullable()
      .meta({
        description:
          'The card charged; null when the provider did not tell (a charge recorded from a webhook alone).',
      }),
  })
  .meta({ id: 'Payment' });

export const toPaymentView = (row: PaymentRow): z.infer<typeof paymentView> => ({
  id: row.id,
  orderId: row.orderId,
  amountCents: row.amountCents,
  currency: row.currency,
  status: row.status,
  provider: row.provider,
  providerPaymentId: row.providerPaymentId,
  createdAt: row.createdAt.toISOString(),
  refundedAt: row.refundedAt?.toISOString() ?? null,
  card: row.cardBrand && row.cardLast4 ? { brand: row.cardBrand, last4: row.cardLast4 } : null,
});

/** What paying answers: the payment and its state. */
export const paymentResult = z.object({ id: z.uuid(), status: z.enum(paymentStatuses) });

/** What the webhook answers Stripe. */
export const webhookReceipt = z.object({
  received: z.literal(true),
  outcome: z.enum(['applied', 'duplicate', 'ignored']),
});

const cents = (description: string) => z.int().meta({ description });

/** One sale as its seller sees it (built by domain/seller-earnings.ts). */
export const saleView = z
  .object({
    orderId: z.uuid(),
    ticketId: z.uuid(),
    paidAt: isoDateTime(),
    eventDate: isoDateTime().nullable(),
    currency: z.string(),
    quantity: z.int().meta({ description: 'Tickets in the sale.' }),
    grossCents: cents(
      'The tickets’ price (price × quantity) the buyer paid for (their service fee is not the seller’s).',
    ),
    feeCents: cents("The platform's seller fee."),
    netCents: cents('What the seller receives: gross − fee.'),
    status: z.enum(['pending', 'paid_out', 'refunded']).meta({
      description: 'pending until the event starts, then paid_out; refunded when the buyer cancelled.',
    }),
  })
  .meta({ id: 'Sale' });

export const earningsView = z
  .object({
    items: z.array(saleView),
    nextCursor: z.string().nullable(),
    totals: z.array(
      z.object({
        currency: z.string(),
        sold: z.int().meta({ description: 'Tickets sold and not refunded.' }),
        pendingCents: z.int(),
        paidOutCents: z.int(),
        refundedCents: z.int(),
      }),
    ),
  })
  .meta({ id: 'Earnings' });
