import type { Logger } from 'pino';
import { createLogger } from '../logging/logger';
import type { ServiceConfig } from '../config/service-config';
import type { DeclaredNeeds } from '../lifecycle/connect-needs';
import type { RunningService, ServiceDefinition } from '../lifecycle/service-definition';
import { startService } from '../lifecycle/start-service';
import { testKeys } from './auth';
import { deleteStream, EventRecorder, uniqueBusOptions } from './bus';
import { contractCheckedApp, ResponseContract } from './contract';
import { createTestDatabase } from './database';
import { testServers } from './env';

export type TestService<C extends ServiceConfig> = RunningService<C> & {
  /** Sees every event published during the test run on this service's stream (with `needs.bus`). */
  recorder?: EventRecorder;
  /** Environment the service was configured from (reuse it to start a second instance). */
  env: Record<string, string>;
  /** Answers of `app` that did not match the OpenAPI document so far (close() fails on any). */
  contractViolations: string[];
};

/**
 * Starts a service exactly as main.ts does, but on a fresh database, a unique stream and subject prefix
 * and the test key pair; nothing listens on a port (drive `app` with supertest). Every answer of `app` is
 * checked against the service's OpenAPI document, and close() throws if any did not match it.
 */
export async function startTestService<C extends ServiceConfig>(
  definition: ServiceDefinition<C>,
  loadConfig: (env: Record<string, string>) => C,
  overrides: Record<string, string> = {},
): Promise<TestService<C>> {
  const database = await createTestDatabase(definition.name);
  const bus = uniqueBusOptions();
  const env: Record<string, string> = {
    APP_ENV: 'test',
    PORT: '0',
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    DATABASE_URL: database.url,
    DATABASE_POOL_SIZE: '5',
    NATS_URL: testServers.natsUrl,
    NATS_STREAM: bus.stream,
    NATS_SUBJECT_PREFIX: bus.subjectPrefix,
    BUS_MAX_HANDLER_FAILURES: '3',
    REDIS_URL: testServers.redisUrl,
    JWT_PUBLIC_KEY: testKeys().publicKey,
    JWT_PRIVATE_KEY: testKeys().privateKey,
    ...overrides,
  };
  const config = loadConfig(env);
  const logger: Logger = createLogger(definition.name, env.LOG_LEVEL);
  let running: RunningService<C>;
  try {
    running = await startService(definition, config, logger, { listen: false });
  } catch (err) {
    await database.drop();
    throw err;
  }
  const hasBus = (definition.needs as DeclaredNeeds).bus === true;
  const recorder = hasBus ? await EventRecorder.start(env.NATS_URL!, env.NATS_SUBJECT_PREFIX!) : undefined;
  const contractViolations: string[] = [];
  // Object.assign keeps the parts' type (a spread of the generic RunningService<C> would lose it).
  return Object.assign({}, running, {
    app: contractCheckedApp(running.app, new ResponseContract(running.apiDocument), contractViolations),
    env,
    recorder,
    contractViolations,
    close: async () => {
      await running.close();
      await recorder?.close();
      if (hasBus) await deleteStream(env.NATS_URL!, env.NATS_STREAM!);
      await database.drop();
      if (contractViolations.length > 0) {
        throw new Error(
          `${definition.name} answered what its OpenAPI document does not say:\n- ${contractViolations.join('\n- ')}`,
        );
      }
    },
  });
}
