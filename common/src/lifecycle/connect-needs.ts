import { Redis } from 'ioredis';
import type { Logger } from 'pino';
import { SessionRevocations } from '../auth/revocations';
import { Bus, busCheck } from '../bus/bus';
import type { AuthConfig, BusConfig, RedisConfig, ServiceConfig } from '../config/service-config';
import type { ReadinessChecks } from '../http/health';
import type { NamedCloseable } from './shutdown';
import { quitRedis } from './redis';

/** The needs as the boot reads them at run time (the definition's `needs`, typed by its config). */
export interface DeclaredNeeds {
  bus?: boolean;
  redis?: boolean;
  auth?: boolean;
}

/** The clients of the declared needs; the boot is the one place that sees them as optional. */
export interface ConnectedNeeds {
  bus?: Bus;
  redis?: Redis;
  revocations?: SessionRevocations;
  /** What the HTTP app checks access tokens with, with `needs.auth`. */
  auth?: { publicKey: string; revocations: SessionRevocations };
}

export const busOptionsFrom = (config: BusConfig, name: string) => ({
  url: config.NATS_URL,
  stream: config.NATS_STREAM,
  subjectPrefix: config.NATS_SUBJECT_PREFIX,
  replicas: config.NATS_STREAM_REPLICAS,
  name,
});

/**
 * Connects what the service declared, in order bus → redis → revocations. Each connection is put first in
 * `closeables` (closed before the ones before it) as soon as it exists, so a failure half-way closes them.
 */
export async function connectNeeds(
  name: string,
  needs: DeclaredNeeds,
  serviceConfig: ServiceConfig,
  logger: Logger,
  closeables: NamedCloseable[],
  readiness: ReadinessChecks,
): Promise<ConnectedNeeds> {
  // The schema was composed from the same needs, so their variables are there (NeedsOf ties the two).
  const config = serviceConfig as ServiceConfig & Partial<BusConfig & RedisConfig & AuthConfig>;
  const connected: ConnectedNeeds = {};
  if (needs.bus) {
    const bus = await Bus.connect(busOptionsFrom(config as BusConfig, name), logger);
    closeables.unshift(['nats', bus]);
    await bus.ensureStream();
    readiness.nats = busCheck(bus);
    connected.bus = bus;
  }
  if (needs.redis) {
    const redis = await connectRedis(config.REDIS_URL!, logger);
    closeables.unshift(['redis', { close: () => quitRedis(redis) }]);
    readiness.redis = () => redis.ping();
    connected.redis = redis;
  }
  if (needs.auth) {
    const revocations = await SessionRevocations.connect(config.REDIS_URL!, logger);
    closeables.unshift(['revocations', revocations]);
    connected.revocations = revocations;
    connected.auth = { publicKey: config.JWT_PUBLIC_KEY!, revocations };
  }
  return connected;
}

/**
 * Commands fail fast (3 retries) while Redis is away, so a request gets a 503 instead of hanging. The
 * commands of concurrent requests (a rate limit each) go out in one write per event-loop turn (automatic
 * pipelining): under a burst, one socket write per request was a visible share of a service's CPU.
 */
async function connectRedis(url: string, logger: Logger): Promise<Redis> {
  const redis = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 3, enableAutoPipelining: true });
  redis.on('error', (err) => logger.warn({ err }, 'redis error'));
  await redis.connect();
  return redis;
}
