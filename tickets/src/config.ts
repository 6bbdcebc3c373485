import { loadConfig, positiveInt, serviceConfigSchema } from '@ticketing/common';
import { type z } from 'zod';

export const needs = { bus: true, redis: true, auth: true } as const;

export const configSchema = serviceConfigSchema(needs, {
  /** Listings one user may create per minute (POST /api/tickets). */
  TICKETS_CREATE_LIMIT_PER_MINUTE: positiveInt(30),
});
export type Config = z.infer<typeof configSchema>;

export const loadServiceConfig = (env: NodeJS.ProcessEnv = process.env) =>
  loadConfig(configSchema, env, { DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/tickets' });
