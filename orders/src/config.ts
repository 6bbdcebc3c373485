import { configParts, loadConfig } from '@ticketing/common';
import { z } from 'zod';

export const configSchema = z.object({
  ...configParts.base,
  ...configParts.database,
  ...configParts.bus,
  ...configParts.redis,
  ...configParts.jwtVerify,
  /** How long an unpaid order holds its ticket. */
  ORDER_TTL_SECONDS: z.coerce.number().int().positive().default(900),
  /** Orders one user may place per window: reservations lock tickets away from everyone else. */
  ORDER_CREATE_RATE_POINTS: z.coerce.number().int().positive().default(10),
  ORDER_CREATE_RATE_WINDOW_SECONDS: z.coerce.number().int().positive().default(60),
});

export type Config = z.infer<typeof configSchema>;

export const loadServiceConfig = (env: NodeJS.ProcessEnv = process.env): Config =>
  loadConfig(configSchema, env, { DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/orders' });
