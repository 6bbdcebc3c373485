import { loadConfig, serviceConfigSchema } from '@ticketing/common';
import { z } from 'zod';

/** Its jobs live in Redis (BullMQ, on connections of its own); expiration.complete goes out on the bus. */
export const needs = { bus: true, redis: true } as const;

export const configSchema = serviceConfigSchema(needs, {
  /** BullMQ forbids ':' in queue names; the prefix namespaces every key (tests use a unique one). */
  EXPIRATION_QUEUE: z
    .string()
    .regex(/^[A-Za-z0-9_.-]+$/)
    .default('order-expiration'),
  EXPIRATION_QUEUE_PREFIX: z
    .string()
    .regex(/^[A-Za-z0-9_.:{}-]+$/)
    .default('bull'),
});

export type Config = z.infer<typeof configSchema>;

export const loadServiceConfig = (env: NodeJS.ProcessEnv = process.env) =>
  loadConfig(configSchema, env, { DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/expiration' });
