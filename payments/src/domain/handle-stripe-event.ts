import type { Database } from '@ticketing/common';
import type Stripe from 'stripe';
import { z } from 'zod';
import { stripeEventsRepository } from '../data/stripe-events.repository';
import { recordSucceededPayment } from './record-payment';

const HANDLED = new Set<string>(['payment_intent.succeeded', 'payment_intent.payment_failed']);
const orderIdSchema = z.uuid();

export type EventOutcome = 'applied' | 'duplicate' | 'ignored';

/**
 * Applies a verified Stripe event at most once: the event id is recorded in the same transaction as its
 * effect. When the order is not replicated yet the transaction rolls back (nothing recorded) and the
 * error asks Stripe to retry later.
 */
export async function handleStripeEvent(
  { db }: Pick<Database, 'db'>,
  event: Stripe.Event,
): Promise<EventOutcome> {
  if (!HANDLED.has(event.type)) return 'ignored';
  return db.transaction(async (tx) => {
    if (!(await stripeEventsRepository.recordOnce(tx, event))) return 'duplicate';
    if (event.type !== 'payment_intent.succeeded') return 'applied';
    // A failed attempt needs no effect here: the buyer got the 402 and the order stays open.
    const intent = event.data.object;
    const orderId = orderIdSchema.safeParse(intent.metadata?.order_id);
    if (!orderId.success) return 'ignored'; // not a ticket payment (e.g. made in the Dashboard)
    await recordSucceededPayment(tx, {
      providerPaymentId: intent.id,
      orderId: orderId.data,
      amountCents: intent.amount,
      currency: intent.currency,
    });
    return 'applied';
  });
}
