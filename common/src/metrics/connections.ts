import type { Redis } from 'ioredis';
import type { Registry } from 'prom-client';
import type { Bus } from '../bus/bus';
import type { Database } from '../db/database';
import { gaugeOf, metricSpec } from './spec';

/** The state of the service's connections, read from the clients themselves (no network call). */
export const CONNECTION_METRICS = {
  poolConnections: metricSpec('gauge', 'pg_pool_connections', 'Connections the PostgreSQL pool holds open'),
  poolIdle: metricSpec('gauge', 'pg_pool_idle_connections', 'Open pool connections not in use'),
  poolWaiting: metricSpec(
    'gauge',
    'pg_pool_waiting_clients',
    'Queries waiting for a pool connection: above 0 for long, the pool is too small or queries too slow',
  ),
  natsUp: metricSpec('gauge', 'nats_connection_up', '1 while the NATS connection is up, 0 while it is away'),
  redisUp: metricSpec('gauge', 'redis_connection_up', '1 while a Redis connection is ready, 0 otherwise', [
    'connection',
  ]),
};

export function registerPoolMetrics(registry: Registry, { pool }: Database): void {
  gaugeOf(CONNECTION_METRICS.poolConnections, registry, (g) => g.set(pool.totalCount));
  gaugeOf(CONNECTION_METRICS.poolIdle, registry, (g) => g.set(pool.idleCount));
  gaugeOf(CONNECTION_METRICS.poolWaiting, registry, (g) => g.set(pool.waitingCount));
}

/** Follows the connection's status events: a scrape never waits on a NATS that is away. */
export function registerNatsMetrics(registry: Registry, bus: Bus): void {
  let up = true;
  void (async () => {
    for await (const status of bus.nc.status()) {
      if (status.type === 'disconnect') up = false;
      else if (status.type === 'reconnect') up = true;
    }
  })();
  gaugeOf(CONNECTION_METRICS.natsUp, registry, (g) => g.set(up && !bus.nc.isClosed() ? 1 : 0));
}

const redisConnections = new WeakMap<Registry, Map<string, Redis>>();

/** Adds a Redis connection to redis_connection_up under its name (the shared one, a queue's, ...). */
export function watchRedisConnection(registry: Registry, name: string, redis: Redis): void {
  let connections = redisConnections.get(registry);
  if (!connections) {
    const all = (connections = new Map<string, Redis>());
    redisConnections.set(registry, all);
    gaugeOf(CONNECTION_METRICS.redisUp, registry, (g) => {
      for (const [connection, client] of all) g.set({ connection }, client.status === 'ready' ? 1 : 0);
    });
  }
  connections.set(name, redis);
}
