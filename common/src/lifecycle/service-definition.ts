import type { Express, Router } from 'express';
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import type { Registry } from 'prom-client';
import type { SessionRevocations } from '../auth/revocations';
import type { Bus } from '../bus/bus';
import type { ConsumerDefinition, EventConsumer } from '../bus/consumer';
import type { OutboxRelay } from '../bus/relay';
import type { Declares, NeedsOf, ServiceConfig } from '../config/service-config';
import type { Database } from '../db/database';
import type { PeriodicJob, PeriodicJobDefinition } from '../db/periodic-job';
import type { ReadinessChecks } from '../http/health';
import type { RunningServer } from '../http/server';
import type { ApiDocument } from '../openapi/document';
import type { NamedCloseable } from './shutdown';

type NoParts = Record<never, never>;

/**
 * What the boot hands a service's wiring: always its config, logger, database and metrics registry, and
 * a connected client for each part its config was composed with: `bus` with `needs.bus`, `redis` with
 * `needs.redis`, `revocations` with `needs.auth`. A part not declared is not in the type at all.
 */
export type ServiceParts<C extends ServiceConfig> = {
  config: C;
  logger: Logger;
  database: Database;
  /** The registry served at /metrics: a service adds its own gauges (a queue, a backlog) to it. */
  metrics: Registry;
} & (Declares<C, 'bus'> extends true ? { bus: Bus } : NoParts) &
  (Declares<C, 'redis'> extends true ? { redis: Redis } : NoParts) &
  (Declares<C, 'auth'> extends true ? { revocations: SessionRevocations } : NoParts);

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

/** What a service is: its name, its needs, its migrations and how its parts are wired. main.ts and tests share it. */
export interface ServiceDefinition<C extends ServiceConfig> {
  name: string;
  /** The parts its config schema was composed with (`serviceConfigSchema(needs, …)`); the compiler checks they agree. */
  needs: NeedsOf<C>;
  migrationsDir: string | null;
  wire: (parts: ServiceParts<C>) => Promise<ServiceWiring> | ServiceWiring;
}

export type RunningService<C extends ServiceConfig> = ServiceParts<C> & {
  app: Express;
  /** Mount path → router, as wired (the routes the document describes). */
  routes: Record<string, Router>;
  /** The service's OpenAPI document, served at /openapi.json. */
  apiDocument: ApiDocument;
  /** The outbox relay, with `needs.bus`. */
  relay?: OutboxRelay;
  consumers: EventConsumer[];
  /** The service's periodic jobs, plus the processed_events purge when it has a bus. */
  jobs: PeriodicJob[];
  server?: RunningServer;
  /** Every part in shutdown order: http, consumers, relay, the service's own, redis, nats, database. */
  parts: NamedCloseable[];
  close(): Promise<void>;
};

export const isLocal = (config: Pick<ServiceConfig, 'APP_ENV'>) => config.APP_ENV !== 'production';
