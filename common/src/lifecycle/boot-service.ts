import { setFlagsFromString } from 'node:v8';
import { ConfigError } from '../config/config';
import type { ServiceConfig } from '../config/service-config';
import { createLogger } from '../logging/logger';
import { stopTracing, tracingStatus } from '../tracing/tracing';
import { exitOnUnhandledErrors, type FatalErrorPolicy } from './fatal-errors';
import type { RunningService, ServiceDefinition } from './service-definition';
import { closeOnSignals } from './shutdown';
import { startService } from './start-service';

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
