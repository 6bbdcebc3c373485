import { deadLetters, orderCreated } from '@ticketing/common';
import {
  startRedisServer,
  startTestService,
  uniqueSuffix,
  waitFor,
  type OwnRedis,
  type TestService,
} from '@ticketing/common/testing';
import { expirationService } from '../src/app';
import { loadServiceConfig, type Config } from '../src/config';
import { expirations, inspectQueue, orderCreatedData, secondsFromNow } from './support';

// Redis is killed (SIGKILL) for 60 s: this test runs its own redis-server, the machine's is shared.
const OUTAGE_MS = 60_000;
let redis: OwnRedis;
let service: TestService<Config>;

beforeAll(async () => {
  redis = await startRedisServer();
  service = await startTestService(expirationService, (env) => loadServiceConfig(env), {
    EXPIRATION_QUEUE: 'order-expiration-test',
    EXPIRATION_QUEUE_PREFIX: `t${uniqueSuffix()}`,
    REDIS_URL: redis.url,
  });
}, 60_000);

afterAll(async () => {
  await redis?.start().catch(() => undefined);
  await service?.close();
  await redis?.destroy();
}, 60_000);

test('when Redis is away for 60 s, then every order that fell due meanwhile expires once it is back, and expiration keeps working without a restart', async () => {
  const expired = expirations(service.recorder!, () => service.bus);
  const queue = inspectQueue(service.env);
  // Scheduled before the outage, due during it.
  const scheduled = [5, 20, 40].map((s) => orderCreatedData(secondsFromNow(s)));
  for (const order of scheduled) await service.bus.publish(orderCreated, order);
  await waitFor(async () => (await queue.getDelayedCount()) === scheduled.length);

  await redis.kill();
  const outageEnds = Date.now() + OUTAGE_MS;
  // Created during the outage: one due during it, one due after it.
  const createdMeanwhile = [10, 75].map((s) => orderCreatedData(secondsFromNow(s)));
  for (const order of createdMeanwhile) await service.bus.publish(orderCreated, order);
  await waitFor(() => Date.now() >= outageEnds, { timeoutMs: OUTAGE_MS + 5_000, intervalMs: 250 });
  const all = [...scheduled, ...createdMeanwhile];
  expect(all.flatMap((order) => expired.of(order.id))).toEqual([]);
  await redis.start();

  for (const order of all) await expired.arrival(order.id, 60_000);
  // The same worker and consumers go on: a new order expires in its time.
  const later = orderCreatedData(secondsFromNow(1));
  await service.bus.publish(orderCreated, later);
  await expired.arrival(later.id, 30_000);
  await expired.afterLaterOrder(new Date().toISOString());
  for (const order of [...all, later]) expect(expired.of(order.id)).toHaveLength(1);
  expect(await service.database.db.select().from(deadLetters)).toEqual([]);
  await queue.destroy();
}, 240_000);
