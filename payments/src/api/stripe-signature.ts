import Stripe from 'stripe';
import type { StripeClient } from '../data/stripe-client';
import { InvalidWebhookSignatureError } from '../domain/errors';

/** The event, only if Stripe signed exactly these bytes with our endpoint secret (and recently). */
export function verifiedEvent(
  stripe: StripeClient,
  rawBody: Buffer | undefined,
  signature: string | undefined,
  secret: string,
): Stripe.Event {
  if (!rawBody || !signature) throw new InvalidWebhookSignatureError();
  try {
    return stripe.webhooks.constructEvent(rawBody, signature, secret);
  } catch (err) {
    if (err instanceof Stripe.errors.StripeSignatureVerificationError)
      throw new InvalidWebhookSignatureError();
    throw err;
  }
}
