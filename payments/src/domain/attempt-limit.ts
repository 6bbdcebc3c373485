import { consumePoint, createLimiter } from '@ticketing/common';
import type { StripeClient } from '../data/stripe-client';

/**
 * Counts one payment attempt against the buyer and against the card itself (its fingerprint is the same
 * whichever PaymentMethod carries it): 429 once either has spent its points in the window. Only an attempt
 * that goes on to the card network is counted: asking about an order payments has not learned of yet (the
 * client asks again until the event arrives) or one that cannot be paid costs nothing.
 */
export type AttemptLimit = (userId: string, paymentMethodId: string) => Promise<void>;

type Redis = Parameters<typeof createLimiter>[0]['redis'];

export interface AttemptLimitOptions {
  /** The service's namespace in Redis. */
  prefix: string;
  /** Attempts a buyer, and a card, may make in `durationSeconds`. */
  perUser: number;
  perCard: number;
  durationSeconds: number;
}

export function attemptLimit(
  redis: Redis,
  stripe: StripeClient,
  { prefix, perUser, perCard, durationSeconds }: AttemptLimitOptions,
): AttemptLimit {
  const byUser = createLimiter({ redis, name: `${prefix}:pay:user`, points: perUser, durationSeconds });
  const byCard = createLimiter({ redis, name: `${prefix}:pay:card`, points: perCard, durationSeconds });
  return async (userId, paymentMethodId) => {
    await consumePoint(byUser, userId);
    // An unknown PaymentMethod has no fingerprint: the charge itself answers 400 for it.
    const method = await stripe.paymentMethods.retrieve(paymentMethodId).catch(() => undefined);
    const fingerprint = method?.card?.fingerprint;
    if (fingerprint) await consumePoint(byCard, fingerprint);
  };
}
