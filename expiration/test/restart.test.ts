import { createLogger, orderCreated, startService, type RunningService } from '@ticketing/common';
import { waitFor } from '@ticketing/common/testing';
import { expirationService } from '../src/app';
import { loadServiceConfig, type Config } from '../src/config';
import { expirations, inspectQueue, orderCreatedData, secondsFromNow, startExpiration } from './support';

let first: Awaited<ReturnType<typeof startExpiration>>;
let second: RunningService<Config> | undefined;
let queue: ReturnType<typeof inspectQueue>;

beforeAll(async () => {
  first = await startExpiration();
  queue = inspectQueue(first.env);
});

afterAll(async () => {
  await second?.close();
  // Closes what is still open of the first instance, then drops its stream and database.
  await first.close();
  await queue.destroy();
});

test('when the service is down while jobs fall due, then on restart each fires at once and none fires twice', async () => {
  const expired = expirations(first.recorder!, () => second?.bus ?? first.bus);
  const early = orderCreatedData(secondsFromNow(0.3));
  const pending = [1.5, 1.6, 1.7].map((s) => orderCreatedData(secondsFromNow(s)));
  for (const order of [early, ...pending]) await first.bus.publish(orderCreated, order);
  await expired.arrival(early.id);
  await waitFor(async () => (await queue.getDelayedCount()) === pending.length);

  // Stop every part of the first instance (worker, consumers, connections); its database stays.
  for (const [, part] of first.parts) await part.close();
  const lastDue = Math.max(...pending.map((order) => Date.parse(order.expiresAt)));
  await waitFor(() => Date.now() > lastDue, { timeoutMs: 5_000 });
  expect(await queue.getDelayedCount()).toBe(pending.length);
  expect(pending.flatMap((order) => expired.of(order.id))).toEqual([]);

  const config = loadServiceConfig(first.env);
  second = await startService(expirationService, config, createLogger('expiration', 'silent'), {
    listen: false,
  });
  for (const order of pending) await expired.arrival(order.id);

  await expired.afterLaterOrder(new Date().toISOString());
  for (const order of [early, ...pending]) expect(expired.of(order.id)).toHaveLength(1);
  expect(await queue.getJobState(early.id)).toBe('completed');
});
