import type { Request, RequestHandler } from 'express';
import type { Redis } from 'ioredis';
import { RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import { ServiceUnavailableError, TooManyRequestsError } from '../errors/app-error';

export interface RateLimitOptions {
  redis: Redis;
  /** Distinguishes limiters in Redis, e.g. "tickets:create". */
  name: string;
  points: number;
  durationSeconds: number;
  key?: (req: Request) => string;
}

export function createLimiter({ redis, name, points, durationSeconds }: Omit<RateLimitOptions, 'key'>) {
  return new RateLimiterRedis({
    storeClient: redis,
    keyPrefix: `rl:${name}`,
    points,
    duration: durationSeconds,
  });
}

/** Consumes one point for `key`: 429 with Retry-After once spent, 503 while Redis is away. */
export async function consumePoint(limiter: RateLimiterRedis, key: string): Promise<void> {
  try {
    await limiter.consume(key);
  } catch (err) {
    if (err instanceof RateLimiterRes) throw new TooManyRequestsError(undefined, err.msBeforeNext / 1000);
    // Redis away: refuse rather than run unlimited, and say it is temporary.
    throw new ServiceUnavailableError();
  }
}

/** Consumes one point per request (per client IP by default); 429 with Retry-After once spent. */
export function rateLimit(options: RateLimitOptions): RequestHandler {
  const limiter = createLimiter(options);
  const keyOf = options.key ?? ((req: Request) => req.ip ?? 'unknown');
  return async (req, _res, next) => {
    await consumePoint(limiter, keyOf(req));
    next();
  };
}

/**
 * `rateLimit` on one Redis client, every name under one prefix (a service's namespace): a service then
 * declares its limits as a short table, `limit({ name: 'signin-ip', points, durationSeconds: 60 })`.
 */
export const rateLimitsOn =
  (redis: Redis, prefix: string) =>
  (options: Omit<RateLimitOptions, 'redis'>): RequestHandler =>
    rateLimit({ ...options, redis, name: `${prefix}:${options.name}` });
