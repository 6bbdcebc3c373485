import { loadConfig, positiveInt, rateLimitPrefix, serviceConfigSchema } from '@ticketing/common';
import { z } from 'zod';

/** Dev-only: the emulator's public test key, signing secret and address (see stripe-emulator/). */
const DEV_STRIPE = {
  STRIPE_SECRET_KEY: 'sk_test_dev_only_emulator',
  STRIPE_WEBHOOK_SECRET: 'whsec_dev_only_local_emulator',
  STRIPE_API_URL: 'http://127.0.0.1:12111',
};

/** Payment rate limits (per buyer, per card) live in Redis. */
export const needs = { bus: true, redis: true, auth: true } as const;

export const configSchema = serviceConfigSchema(needs, {
  STRIPE_SECRET_KEY: z.string().regex(/^(sk|rk)_(test|live)_\w+$/, 'must be a Stripe secret key (sk_…)'),
  STRIPE_WEBHOOK_SECRET: z.string().regex(/^whsec_\w+$/, 'must be a Stripe signing secret (whsec_…)'),
  /** Unset: the real Stripe API. Set (e.g. http://127.0.0.1:12111): the project's emulator. */
  STRIPE_API_URL: z.url({ protocol: /^https?$/ }).optional(),
  /** Payment attempts per buyer and per card (fingerprint) within the window: a stolen session cannot test cards. */
  PAYMENT_RATE_POINTS_PER_USER: positiveInt(10),
  PAYMENT_RATE_POINTS_PER_CARD: positiveInt(10),
  PAYMENT_RATE_WINDOW_SECONDS: positiveInt(600),
  /** Namespaces the rate-limit counters in Redis (tests use a unique one per run). */
  RATE_LIMIT_PREFIX: rateLimitPrefix('payments'),
  /** How long POST /api/payments waits for orders to accept a charge before answering 202 instead of 201. */
  PAYMENT_CONFIRM_TIMEOUT_MS: z.coerce.number().int().nonnegative().default(10_000),
  /** Safety-net poll of pending refunds; commits wake the worker at once through NOTIFY. */
  REFUND_POLL_INTERVAL_MS: positiveInt(5_000),
  /** Reconciliation with the provider's PaymentIntents: how often, and how far back it looks. */
  RECONCILE_INTERVAL_MS: positiveInt(15 * 60_000),
  RECONCILE_WINDOW_HOURS: positiveInt(72),
  /** Attempts before a refund is refund_failed (an operator retries it with payments-admin). */
  REFUND_MAX_ATTEMPTS: positiveInt(8),
  /** Jittered exponential backoff between refund attempts. */
  REFUND_BACKOFF_BASE_MS: positiveInt(2_000),
  REFUND_BACKOFF_MAX_MS: positiveInt(15 * 60_000),
});

export type Config = z.infer<typeof configSchema>;

export const loadServiceConfig = (env: NodeJS.ProcessEnv = process.env) =>
  loadConfig(configSchema, env, devDefaults(env));

const devDefaults = (env: NodeJS.ProcessEnv) => ({
  DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/payments',
  // The emulator's address comes with its key only: a real key alone must never be sent to the emulator.
  ...(env.STRIPE_SECRET_KEY ? {} : DEV_STRIPE),
});

/** The admin command needs the database and the provider, nothing else. */
export const loadCliConfig = (env: NodeJS.ProcessEnv = process.env) =>
  loadConfig(
    configSchema.pick({
      APP_ENV: true,
      DATABASE_URL: true,
      STRIPE_SECRET_KEY: true,
      STRIPE_API_URL: true,
      RECONCILE_WINDOW_HOURS: true,
    }),
    env,
    devDefaults(env),
  );
