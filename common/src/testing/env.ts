import { randomBytes } from 'node:crypto';

/** Servers the tests talk to; the defaults are the machine's (and CI's) local ones. */
export const testServers = {
  adminDatabaseUrl: process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres',
  natsUrl: process.env.TEST_NATS_URL ?? process.env.NATS_URL ?? 'nats://127.0.0.1:4222',
  redisUrl: process.env.TEST_REDIS_URL ?? process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
};

export const uniqueSuffix = (): string => `${Date.now().toString(36)}${randomBytes(4).toString('hex')}`;
