import request from 'supertest';
import { loadConfig, serviceConfigSchema, type ServiceDefinition } from '../src';
import { startTestService } from '../src/testing';

// A service's needs decide its config schema, the parts its wiring gets and what the boot connects.
// The @ts-expect-error lines are checked by `npm run typecheck`: a part not declared is a compile error.

const databaseOnly = serviceConfigSchema({}, {});
type DatabaseOnly = ReturnType<typeof databaseOnly.parse>;
const withRedis = serviceConfigSchema({ bus: true, redis: true }, {});
type WithRedis = ReturnType<typeof withRedis.parse>;

test('when a service declares no needs, then it starts on its database alone and is ready', async () => {
  let wired: string[] = [];
  const definition: ServiceDefinition<DatabaseOnly> = {
    name: 'needs-nothing',
    needs: {},
    migrationsDir: null,
    wire: (parts) => {
      wired = Object.keys(parts).sort();
      // @ts-expect-error no `redis` part without needs.redis
      void parts.redis;
      // @ts-expect-error no `bus` part without needs.bus
      void parts.bus;
      return {};
    },
  };
  // Its environment has NATS and Redis (every test service's has): the schema leaves them out.
  const service = await startTestService(definition, (env) => loadConfig(databaseOnly, env));
  try {
    expect(wired).toEqual(['config', 'database', 'logger', 'metrics']);
    expect(service.relay).toBeUndefined();
    const ready = await request(service.app).get('/readyz');
    expect(ready.body).toEqual({ status: 'ok', checks: { database: 'ok' } });
  } finally {
    await service.close();
  }
});

test('when a service declares bus and redis, then its wiring gets both clients, connected', async () => {
  const definition: ServiceDefinition<WithRedis> = {
    name: 'needs-redis',
    needs: { bus: true, redis: true },
    migrationsDir: null,
    // Typed as present: no check at run time.
    wire: async ({ redis, bus }) => {
      await redis.ping();
      expect(bus.options.stream).toBeTruthy();
      return {};
    },
  };
  const service = await startTestService(definition, (env) => loadConfig(withRedis, env));
  try {
    expect(await service.redis.ping()).toBe('PONG');
    const ready = await request(service.app).get('/readyz');
    expect(ready.body).toEqual({ status: 'ok', checks: { database: 'ok', nats: 'ok', redis: 'ok' } });
  } finally {
    await service.close();
  }
});

test('when a definition states needs its config was not composed with, then it does not compile', () => {
  const wrong: Array<ServiceDefinition<WithRedis>['needs']> = [
    // @ts-expect-error the config has Redis: the definition must say so
    { bus: true },
    // @ts-expect-error the config has no JWT_PUBLIC_KEY: `auth` is not a need of this service
    { bus: true, redis: true, auth: true },
  ];
  expect(wrong).toHaveLength(2);
  // @ts-expect-error `auth` keeps revoked sessions in Redis: it cannot be declared without `redis`
  serviceConfigSchema({ auth: true }, {});
});
