import { consumePoint, createLimiter } from '@ticketing/common';
import type { StripeClient } from '../data/stripe-client';

/** Counts one attempt against the card itself: the fingerprint is the same whichever PaymentMethod carries it. */
export type CardLimit = (paymentMethodId: string) => Promise<void>;

type Redis = Parameters<typeof createLimiter>[0]['redis'];

export function cardLimit(
  redis: Redis,
  stripe: StripeClient,
  options: { name: string; points: number; durationSeconds: number },
): CardLimit {
  const limiter = createLimiter({ redis, ...options });
  return async (paymentMethodId) => {
    // An unknown PaymentMethod has no fingerprint: the charge itself answers 400 for it.
    const method = await stripe.paymentMethods.retrieve(paymentMethodId).catch(() => undefined);
    const fingerprint = method?.card?.fingerprint;
    if (fingerprint) await consumePoint(limiter, fingerprint);
  };
}
