import { configParts, loadConfig } from '@ticketing/common';
import { z } from 'zod';

/** Dev-only: the emulator's public test key, signing secret and address (see stripe-emulator/). */
const DEV_STRIPE = {
  STRIPE_SECRET_KEY: 'sk_test_dev_only_emulator',
  STRIPE_WEBHOOK_SECRET: 'whsec_dev_only_local_emulator',
  STRIPE_API_URL: 'http://127.0.0.1:12111',
};

export const configSchema = z.object({
  ...configParts.base,
  ...configParts.database,
  ...configParts.bus,
  ...configParts.redis,
  ...configParts.jwtVerify,
  STRIPE_SECRET_KEY: z.string().regex(/^(sk|rk)_(test|live)_\w+$/, 'must be a Stripe secret key (sk_…)'),
  STRIPE_WEBHOOK_SECRET: z.string().regex(/^whsec_\w+$/, 'must be a Stripe signing secret (whsec_…)'),
  /** Unset: the real Stripe API. Set (e.g. http://127.0.0.1:12111): the project's emulator. */
  STRIPE_API_URL: z.url({ protocol: /^https?$/ }).optional(),
  /** Safety-net poll of pending refunds; commits wake the worker at once through NOTIFY. */
  REFUND_POLL_INTERVAL_MS: z.coerce.number().int().positive().default(5_000),
});

export type Config = z.infer<typeof configSchema>;

export const loadServiceConfig = (env: NodeJS.ProcessEnv = process.env) =>
  loadConfig(configSchema, env, {
    DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/payments',
    // The emulator's address comes with its key only: a real key alone must never be sent to the emulator.
    ...(env.STRIPE_SECRET_KEY ? {} : DEV_STRIPE),
  });
