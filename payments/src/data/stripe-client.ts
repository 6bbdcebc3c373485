import Stripe from 'stripe';
import type { Config } from '../config';

export type StripeClient = Stripe;

/**
 * The one place the Stripe SDK is configured. Without STRIPE_API_URL it talks to Stripe itself; with it
 * (local development, tests) to the project's emulator, through the very same SDK calls.
 */
export function createStripeClient(
  config: Pick<Config, 'STRIPE_SECRET_KEY' | 'STRIPE_API_URL'>,
): StripeClient {
  const target = config.STRIPE_API_URL ? new URL(config.STRIPE_API_URL) : undefined;
  return new Stripe(config.STRIPE_SECRET_KEY, {
    maxNetworkRetries: 2,
    timeout: 15_000,
    appInfo: { name: 'ticketing-payments' },
    ...(target && {
      host: target.hostname,
      port: target.port || (target.protocol === 'https:' ? 443 : 80),
      protocol: target.protocol === 'https:' ? 'https' : 'http',
    }),
  });
}
