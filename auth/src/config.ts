import {
  configParts,
  loadConfig,
  positiveInt,
  rateLimitPrefix,
  serviceConfigSchema,
} from '@ticketing/common';
import { z } from 'zod';

/** Auth publishes user.registered through its outbox (bus); rate limits and lockouts live in Redis. */
export const needs = { bus: true, redis: true, auth: true } as const;

export const configSchema = serviceConfigSchema(needs, {
  ...configParts.jwtSign,
  ACCESS_TOKEN_TTL_SECONDS: positiveInt(900),
  REFRESH_TOKEN_TTL_SECONDS: positiveInt(30 * 24 * 3600),
  /** Two tabs refreshing at once: a rotated token replayed within this many seconds gets its successor. */
  REFRESH_REUSE_GRACE_SECONDS: z.coerce.number().int().min(0).max(60).default(10),
  /** Failed sign-ins on one account within SIGNIN_LOCKOUT_SECONDS that lock it for SIGNIN_LOCKOUT_SECONDS. */
  SIGNIN_MAX_FAILURES: positiveInt(5),
  SIGNIN_LOCKOUT_SECONDS: positiveInt(900),
  SIGNIN_IP_LIMIT_PER_MINUTE: positiveInt(20),
  SIGNUP_IP_LIMIT_PER_HOUR: positiveInt(20),
  /** How long a password-reset link works (single use). */
  PASSWORD_RESET_TTL_SECONDS: positiveInt(1800),
  /** How long an email-verification link works (single use; a resend replaces it). */
  EMAIL_VERIFICATION_TTL_SECONDS: positiveInt(48 * 3600),
  /** Verification mails a signed-in user may ask for per hour, before 429. */
  EMAIL_VERIFICATION_RESEND_LIMIT_PER_HOUR: positiveInt(3),
  /** Verification links followed per client address per hour, before 429. */
  EMAIL_VERIFICATION_IP_LIMIT_PER_HOUR: positiveInt(30),
  /** Reset requests per client address, and per email address, before 429. */
  PASSWORD_RESET_IP_LIMIT_PER_HOUR: positiveInt(10),
  PASSWORD_RESET_EMAIL_LIMIT_PER_HOUR: positiveInt(3),
  /** Namespaces the rate-limit counters in Redis (tests use a unique one per file). */
  RATE_LIMIT_PREFIX: rateLimitPrefix('auth'),
});

export type Config = z.infer<typeof configSchema>;

const devDefaults = { DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/auth' };

export const loadServiceConfig = (env: NodeJS.ProcessEnv = process.env) =>
  loadConfig(configSchema, env, devDefaults);

/** Command-line tasks only touch the database: an operator needs no signing keys to run them. */
export const loadCliConfig = (env: NodeJS.ProcessEnv = process.env) =>
  loadConfig(configSchema.pick({ APP_ENV: true, DATABASE_URL: true }), env, devDefaults);
