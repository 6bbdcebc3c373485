import type { Logger } from 'pino';
import { EventConsumer } from '../bus/consumer';
import { processedEventsPurge } from '../bus/purge';
import { OutboxRelay } from '../bus/relay';
import type { BusConfig, ServiceConfig } from '../config/service-config';
import { connectDatabase, databaseCheck } from '../db/database';
import { runMigrations } from '../db/migrate';
import { PeriodicJob } from '../db/periodic-job';
import { createServiceApp } from '../http/create-app';
import type { ReadinessChecks } from '../http/health';
import { createMetricsRegistry } from '../http/metrics';
import { listen } from '../http/server';
import { createBusMetrics } from '../metrics/bus-metrics';
import { registerServiceMetrics } from '../metrics/service-metrics';
import { apiDocument } from '../openapi/document';
import { connectNeeds, type DeclaredNeeds } from './connect-needs';
import type { RunningService, ServiceDefinition, ServiceParts } from './service-definition';
import { isLocal } from './service-definition';
import { closeInOrder, type NamedCloseable } from './shutdown';

/**
 * The start sequence every service shares: database → migrations → declared needs (bus, redis,
 * revocations) → wiring → relay → consumers → jobs → http. `listen: false` leaves the app unbound (tests
 * drive it with supertest).
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
    const needs = definition.needs as DeclaredNeeds;
    const { auth, ...clients } = await connectNeeds(definition.name, needs, config, logger, tail, readiness);
    const { bus, redis } = clients;
    const metricsRegistry = createMetricsRegistry(definition.name);
    // The clients are exactly the declared needs, which is what ServiceParts<C> says of C.
    const parts = { config, logger, database, metrics: metricsRegistry, ...clients } as ServiceParts<C>;
    const wiring = await definition.wire(parts);
    tail.unshift(...(wiring.closeables ?? []));
    registerServiceMetrics(metricsRegistry, { database, bus, redis, consumers: wiring.consumers ?? [] });
    const busMetrics = createBusMetrics(metricsRegistry);

    let relay: OutboxRelay | undefined;
    let consumers: EventConsumer[] = [];
    if (bus) {
      relay = new OutboxRelay(bus, database, logger, { metrics: busMetrics.relay });
      head.push(['relay', relay]);
      const busConfig = config as ServiceConfig as ServiceConfig & BusConfig; // a bus: its part is in the config
      const options = {
        maxHandlerFailures: busConfig.BUS_MAX_HANDLER_FAILURES,
        predecessorAlertMs: busConfig.BUS_PREDECESSOR_ALERT_MS,
        concurrency: busConfig.BUS_CONSUMER_CONCURRENCY,
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
      (job) => new PeriodicJob(job, logger).start(),
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
      auth,
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
