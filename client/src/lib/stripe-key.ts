/**
 * Stripe's publishable key, read on the server at request time and handed to the payment form as a prop:
 * one image serves every environment, and changing the key needs a restart, not a rebuild. (A
 * `process.env.NEXT_PUBLIC_…` expression would be frozen into the bundle by `next build`; reading through
 * `env[...]` keeps even the legacy name a run-time setting.) Server components only.
 */
export function stripePublishableKey(env: NodeJS.ProcessEnv = process.env): string {
  const key = (env['STRIPE_PUBLISHABLE_KEY'] || env['NEXT_PUBLIC_STRIPE_PUBLISHABLE_KEY'] || '').trim();
  // This value is sent to every browser: a secret key pasted here by mistake must stop the page, not leak.
  if (key && !key.startsWith('pk_'))
    throw new Error(
      'STRIPE_PUBLISHABLE_KEY must be a publishable key (pk_…); refusing to send it to browsers',
    );
  return key;
}
