import type { Redis } from 'ioredis';
import type { Registry } from 'prom-client';
import type { Bus } from '../bus/bus';
import { durableName, type ConsumerDefinition } from '../bus/consumer/definition';
import type { Database } from '../db/database';
import { registerConsumerBacklogMetrics, registerOutboxMetrics } from './bus-state';
import { registerNatsMetrics, registerPoolMetrics, watchRedisConnection } from './connections';

export interface MeasuredParts {
  database: Database;
  bus?: Bus;
  redis?: Redis;
  consumers: ConsumerDefinition[];
}

/** What common measures of every running service, read at scrape time; the counters come from the bus. */
export function registerServiceMetrics(registry: Registry, parts: MeasuredParts): void {
  registerPoolMetrics(registry, parts.database);
  if (parts.redis) watchRedisConnection(registry, 'shared', parts.redis);
  if (!parts.bus) return;
  registerNatsMetrics(registry, parts.bus);
  registerOutboxMetrics(registry, parts.database);
  registerConsumerBacklogMetrics(
    registry,
    parts.bus,
    parts.consumers.map((definition) => ({
      name: durableName(definition),
      subject: definition.contract.subject,
    })),
  );
}
