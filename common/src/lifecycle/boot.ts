import { setFlagsFromString } from 'node:v8';
import type { Express, Router } from 'express';
import { Redis } from 'ioredis';
import type { Logger } from 'pino';
import type { Registry } from 'prom-client';
import { SessionRevocations } from '../auth/revocations';
import { Bus, busCheck } from '../bus/bus';
import { EventConsumer, type ConsumerDefinition } from '../bus/consumer';
import { processedEventsPurge } from '../bus/purge';
import { OutboxRelay } from '../bus/relay';
import { ConfigError } from '../config/config';
import { connectDatabase, databaseCheck, type Database } from '../db/database';
import { runMigrations } from '../db/migrate';
import { PeriodicJob, type PeriodicJobDefinition } from '../db/periodic-job';
import { createServiceApp } from '../http/create-app';
import { createMetricsRegistry } from '../http/metrics';
import { createBusMetrics } from '../metrics/bus-metrics';
import { registerServiceMetrics } from '../metrics/service-metrics';
import type { ReadinessChecks } from '../http/health';
import { listen, type RunningServer } from '../http/server';
import { createLogger } from '../logging/logger';
import { apiDocument, type ApiDocument } from '../openapi/document';
import { stopTracing, tracingStatus } from '../tracing/tracing';
import { exitOnUnhandledErrors, type FatalErrorPolicy } from './fatal-errors';
import { closeOnSignals, type Closeable, type NamedCloseable } from './shutdown';

/** The configuration every service has (its schema composes configParts). */
export interface ServiceConfig {
  APP_ENV: 'development' | 'test' | 'production';
  PORT: number;
  LOG_LEVEL: string;
  TRUST_PROXY: string;
  SHUTDOWN_TIMEOUT_MS: number;
  DATABASE_URL: string;
  DATABASE_POOL_SIZE: number;
  NATS_URL?: string;
  NATS_STREAM?: string;
  NATS_SUBJECT_PREFIX?: string;
  BUS_MAX_HANDLER_FAILURES?: number;
  BUS_PREDECESSOR_ALERT_MS?: number;
  BUS_CONSUMER_CONCURRENCY?: number;
  NATS_STREAM_REPLICAS?: number;
  REDIS_URL?: string;
  JWT_PUBLIC_KEY?: string;
}

export interface ServiceParts<C extends ServiceConfig> {
  config: C;
  logger: Logger;
  database: Database;
  /** Present when the config has NATS_URL. */
  bus?: Bus;
  /** Present when the config has REDIS_URL and JWT_PUBLIC_KEY. */
  revocations?: SessionRevocations;
  /** One shared Redis client (rate limits, lockouts) when the config has REDIS_URL; closed by the boot. */
  redis?: Redis;
  /** The registry served at /metrics: a service adds its own gauges (a queue, a backlog) to it. */
  metrics: Registry;
}

export interface ServiceWiring {
  routes?: Record<string, Router>;
  consumers?: ConsumerDefinition[];
  csrfExempt?: string[];
  readiness?: ReadinessChecks;
  /** Housekeeping of the service's own tables (e.g. expired sessions), run on a timer. */
  periodicJobs?: PeriodicJobDefinition[];
  /** Closed after consumers and relay, before the shared connections. */
  closeables?: NamedCloseable[];
}

/** What a service is: its name, its migrations and how its parts are wired. main.ts and tests share it. */
export interface ServiceDefinition<C extends ServiceConfig> {
  name: string;
  migrationsDir: string | null;
  wire: (parts: ServiceParts<C>) => Promise<ServiceWiring> | ServiceWiring;
}

export interface RunningService<C extends ServiceConfig> extends ServiceParts<C> {
  app: Express;
  /** Mount path → router, as wired (the routes the document describes). */
  routes: Record<string, Router>;
  /** The service's OpenAPI document, served at /openapi.json. */
  apiDocument: ApiDocument;
  relay?: OutboxRelay;
  consumers: EventConsumer[];
  /** The service's periodic jobs, plus the processed_events purge when it has a bus. */
  jobs: PeriodicJob[];
  server?: RunningServer;
  /** Every part in shutdown order: http, consumers, relay, the service's own, redis, nats, database. */
  parts: NamedCloseable[];
  close(): Promise<void>;
}

export const isLocal = (config: Pick<ServiceConfig, 'APP_ENV'>) => config.APP_ENV !== 'production';

export const busOptionsFrom = (config: ServiceConfig, name: string) => ({
  url: config.NATS_URL ?? 'nats://127.0.0.1:4222',
  stream: config.NATS_STREAM ?? 'TICKETING',
  subjectPrefix: config.NATS_SUBJECT_PREFIX ?? '',
  replicas: config.NATS_STREAM_REPLICAS ?? 1,
  name,
});

/**
 * The start sequence every service shares: database → migrations → bus → revocations → wiring → relay →
 * consumers → http. `listen: false` leaves the app unbound (tests drive it with supertest).
 */
export async function startService<C extends ServiceConfig>(
  definition: ServiceDefinition<C>,
  config: C,
  logger: Logger,
  { listen: bind = true }: { listen?: boolean } = {},
): Promise<RunningService<C>> {
  const database = connectDatabase(config.DATABASE_URL, logger, { poolSize: config.DATABASE_POOL_SIZE });
  const tail: NamedCloseable[] = [['database', database]];
  // Started before the server (relay, consumers, jobs): closed first, also when the start fails half-way,
  // so a failed boot never leaves a relay polling a closed pool.
  const head: NamedCloseable[] = [];
  const readiness: ReadinessChecks = { database: databaseCheck(database) };
  try {
    await runMigrations(database, definition.migrationsDir, logger);
    let bus: Bus | undefined;
    if (config.NATS_URL) {
      bus = await Bus.connect(busOptionsFrom(config, definition.name), logger);
      tail.unshift(['nats', bus]);
      await bus.ensureStream();
      readiness.nats = busCheck(bus);
    }
    let redis: Redis | undefined;
    let revocations: SessionRevocations | undefined;
    if (config.REDIS_URL) {
      redis = await connectRedis(config.REDIS_URL, logger);
      const client = redis;
      tail.unshift([
        'redis',
        {
          close: () =>
            client.quit().then(
              () => undefined,
              () => client.disconnect(),
            ),
        },
      ]);
      readiness.redis = () => client.ping();
      if (config.JWT_PUBLIC_KEY) {
        revocations = await SessionRevocations.connect(config.REDIS_URL, logger);
        tail.unshift(['revocations', revocations]);
      }
    }
    const metricsRegistry = createMetricsRegistry(definition.name);
    const parts = { config, logger, database, bus, revocations, redis, metrics: metricsRegistry };
    const wiring = await definition.wire(parts);
    tail.unshift(...(wiring.closeables ?? []));
    registerServiceMetrics(metricsRegistry, { database, bus, redis, consumers: wiring.consumers ?? [] });
    const busMetrics = createBusMetrics(metricsRegistry);

    let relay: OutboxRelay | undefined;
    let consumers: EventConsumer[] = [];
    if (bus) {
      relay = new OutboxRelay(bus, database, logger, { metrics: busMetrics.relay });
      head.push(['relay', relay]);
      const options = {
        maxHandlerFailures: config.BUS_MAX_HANDLER_FAILURES,
        predecessorAlertMs: config.BUS_PREDECESSOR_ALERT_MS,
        concurrency: config.BUS_CONSUMER_CONCURRENCY,
        metrics: busMetrics,
      };
      consumers = await Promise.all(
        (wiring.consumers ?? []).map((d) => new EventConsumer(bus, database, d, logger, options).start()),
      );
      head.unshift([
        'consumers',
        { close: async () => void (await Promise.all(consumers.map((c) => c.close()))) },
      ]);
    }
    const jobs = [...(bus ? [processedEventsPurge(database.db)] : []), ...(wiring.periodicJobs ?? [])].map(
      (definition) => new PeriodicJob(definition, logger).start(),
    );
    head.push(['jobs', { close: async () => void (await Promise.all(jobs.map((j) => j.close()))) }]);
    const routes = wiring.routes ?? {};
    const document = apiDocument({ service: definition.name, routes, csrfExempt: wiring.csrfExempt });
    const app = createServiceApp({
      name: definition.name,
      logger,
      routes,
      apiDocument: document,
      readiness: { ...readiness, ...wiring.readiness },
      auth:
        revocations && config.JWT_PUBLIC_KEY ? { publicKey: config.JWT_PUBLIC_KEY, revocations } : undefined,
      secureCookies: !isLocal(config),
      csrfExempt: wiring.csrfExempt,
      trustProxy: config.TRUST_PROXY,
      defaultMetrics: bind,
      metricsRegistry,
    });
    const server = bind ? await listen(app, config.PORT, logger) : undefined;
    const all: NamedCloseable[] = [...(server ? [['http', server] as const] : []), ...head, ...tail];
    return {
      ...parts,
      app,
      routes,
      apiDocument: document,
      relay,
      consumers,
      jobs,
      server,
      parts: all,
      close: () => closeInOrder(all, logger),
    };
  } catch (err) {
    await closeInOrder([...head, ...tail], logger);
    throw err;
  }
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

async function closeInOrder(parts: NamedCloseable[], logger: Logger): Promise<void> {
  for (const [name, part] of parts) {
    await part.close().catch((err: unknown) => logger.error({ err, part: name }, 'error while closing'));
  }
}

const HEAP_GROWING_PERCENT = 100;

/** main.ts of every service: load config, start, close gracefully on SIGTERM/SIGINT; exit 1 on a failed boot. */
export async function bootService<C extends ServiceConfig>(
  definition: ServiceDefinition<C>,
  loadConfig: () => C,
): Promise<RunningService<C> | undefined> {
  // A full GC once the old generation has doubled (V8 lets it grow up to 4× the live set): dead
  // objects of a burst no longer double a service's memory. Node refuses this flag in NODE_OPTIONS, so it
  // is set here; the other V8 flags are the image's NODE_OPTIONS (docs/scaling.md, "Memory").
  setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
  let logger = createLogger(definition.name);
  try {
    const config = loadConfig();
    logger = createLogger(definition.name, config.LOG_LEVEL);
    // From here on an error nobody handled ends the process (after the shutdown, once it exists).
    const fatal: FatalErrorPolicy = { graceMs: config.SHUTDOWN_TIMEOUT_MS };
    exitOnUnhandledErrors(logger, fatal);
    const running = await startService(definition, config, logger);
    // Last: the spans of the shutdown itself are exported too.
    fatal.shutdown = closeOnSignals(
      [...running.parts, ['tracing', { close: stopTracing }]],
      logger,
      config.SHUTDOWN_TIMEOUT_MS,
    );
    const tracing = tracingStatus();
    logger.info(
      { port: running.server?.port, env: config.APP_ENV, tracing: tracing.on ? tracing.exportsTo : 'off' },
      `${definition.name} ready`,
    );
    return running;
  } catch (err) {
    if (err instanceof ConfigError) logger.fatal(err.message);
    else logger.fatal({ err }, 'failed to start');
    process.exit(1);
  }
}

export type { Closeable };
