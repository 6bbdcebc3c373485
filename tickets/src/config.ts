import { configParts, loadConfig } from '@ticketing/common';
import { z } from 'zod';

export const configSchema = z.object({
  ...configParts.base,
  ...configParts.database,
  ...configParts.bus,
  ...configParts.redis,
  ...configParts.jwtVerify,
  /** Listings one user may create per minute (POST /api/tickets). */
  TICKETS_CREATE_LIMIT_PER_MINUTE: z.coerce.number().int().positive().default(30),
});
export type Config = z.infer<typeof configSchema>;

export const loadServiceConfig = (env: NodeJS.ProcessEnv = process.env) =>
  loadConfig(configSchema, env, { DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/tickets' });
