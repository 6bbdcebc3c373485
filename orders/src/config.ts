import { configParts, loadConfig, positiveInt, serviceConfigSchema } from '@ticketing/common';
import { z } from 'zod';

/** Rate limits (orders, check-ins) live in Redis. */
export const needs = { bus: true, redis: true, auth: true } as const;

export const configSchema = serviceConfigSchema(needs, {
  ...configParts.fees,
  /** How long an unpaid order holds its ticket. */
  ORDER_TTL_SECONDS: positiveInt(900),
  /** Orders one user may place per window: reservations lock tickets away from everyone else. */
  ORDER_CREATE_RATE_POINTS: positiveInt(10),
  ORDER_CREATE_RATE_WINDOW_SECONDS: positiveInt(60),
  /** Signs e-ticket codes (HMAC-SHA256): whoever holds it can mint admissions, so it is a secret. */
  ETICKET_SIGNING_KEY: z.string().min(32, 'must be at least 32 characters (e.g. openssl rand -base64 48)'),
  /** Check-in attempts one user (a scanner at the door) may make per window: codes cannot be guessed online. */
  CHECKIN_RATE_POINTS: positiveInt(120),
  CHECKIN_RATE_WINDOW_SECONDS: positiveInt(60),
});

export type Config = z.infer<typeof configSchema>;

export const loadServiceConfig = (env: NodeJS.ProcessEnv = process.env): Config =>
  loadConfig(configSchema, env, {
    DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/orders',
    ETICKET_SIGNING_KEY: 'dev_only_eticket_signing_key_never_in_production',
  });
