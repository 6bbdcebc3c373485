import { randomUUID } from 'node:crypto';
import request from 'supertest';
import {
  deadLetters,
  deterministicId,
  orderCancelled,
  orderCompleted,
  orderCreated,
  processedEvents,
  type OrderCreated,
} from '@ticketing/common';
import { parseMetrics, waitFor } from '@ticketing/common/testing';
import { expirationForThisFile, expirations, orderCreatedData, secondsFromNow } from './support';

const ctx = expirationForThisFile();

const expired = () => expirations(ctx.service.recorder!, () => ctx.service.bus);
const completionsOf = (orderId: string) => expired().of(orderId);
const expirationOf = (orderId: string, timeoutMs?: number) => expired().arrival(orderId, timeoutMs);
const expireLaterOrder = (after: string) => expired().afterLaterOrder(after);

const handled = async (eventId: string) =>
  (await ctx.service.database.db.select().from(processedEvents)).some((row) => row.eventId === eventId);

const cancelled = (order: OrderCreated) => ({
  id: order.id,
  version: 1,
  userId: order.userId,
  ticket: { id: order.ticket.id },
  reason: 'user' as const,
});

/** What ends an order before it expires: its buyer gives up, or pays. */
const closeOrder = {
  cancelled: (order: OrderCreated) => ctx.service.bus.publish(orderCancelled, cancelled(order)),
  paid: ({ id, userId, ticket }: OrderCreated) =>
    ctx.service.bus.publish(orderCompleted, { id, version: 1, userId, ticket: { id: ticket.id } }),
};

// How late after expiresAt the event arrives is measured by bench/expiration-latency.bench.ts, not here.
test('when an order is created with expiresAt 1 s ahead, then expiration.complete arrives, not before expiresAt', async () => {
  const order = orderCreatedData(secondsFromNow(1));
  await ctx.service.bus.publish(orderCreated, order);

  const event = await expirationOf(order.id);

  expect(Date.parse(event.occurredAt)).toBeGreaterThanOrEqual(Date.parse(order.expiresAt));
  // The job is marked completed after its processor returned, which may be after the event arrived.
  await waitFor(async () => (await ctx.queue.getJobState(order.id)) === 'completed');
  expect(event.id).toBe(deterministicId('expiration.complete', order.id));
  expect(event.data).toEqual({ orderId: order.id });
});

test('when order.created is delivered again and in a second envelope, then one job is scheduled and one expiration.complete published', async () => {
  const order = orderCreatedData(secondsFromNow(2));
  const delayedBefore = await ctx.queue.getDelayedCount();

  const first = await ctx.service.bus.publish(orderCreated, order);
  await ctx.service.bus.publish(orderCreated, order, { id: first.id });
  const second = await ctx.service.bus.publish(orderCreated, order);
  await waitFor(async () => (await handled(first.id)) && (await handled(second.id)));

  const job = await ctx.queue.getJob(order.id);
  expect(job?.data).toEqual({ orderId: order.id, expiresAt: order.expiresAt });
  expect(await ctx.queue.getJobState(order.id)).toBe('delayed');
  expect(await ctx.queue.getDelayedCount()).toBe(delayedBefore + 1);

  await expirationOf(order.id);
  await expireLaterOrder(order.expiresAt);
  expect(completionsOf(order.id)).toHaveLength(1);
});

test('when order.created arrives after its expiresAt, then expiration.complete is published at once', async () => {
  const order = orderCreatedData(secondsFromNow(-30));
  await ctx.service.bus.publish(orderCreated, order);

  await expirationOf(order.id);
  // "At once" is the job's schedule: no delay, whatever the clock says when it runs.
  expect((await ctx.queue.getJob(order.id))?.delay).toBe(0);
});

test.each(['cancelled', 'paid'] as const)(
  'when the order is %s before it expires, then its job is removed and nothing is published',
  async (how) => {
    const order = orderCreatedData(secondsFromNow(1));
    await ctx.service.bus.publish(orderCreated, order);
    await waitFor(() => ctx.queue.getJob(order.id));

    await closeOrder[how](order);
    await waitFor(async () => (await ctx.queue.getJobState(order.id)) === 'unknown');

    await expireLaterOrder(order.expiresAt);
    expect(completionsOf(order.id)).toHaveLength(0);
  },
);

test('when an expired order is then cancelled and order.created comes again, then it does not expire twice', async () => {
  const order = orderCreatedData(secondsFromNow(0.2));
  await ctx.service.bus.publish(orderCreated, order);
  await expirationOf(order.id);

  const cancellation = await ctx.service.bus.publish(orderCancelled, {
    ...cancelled(order),
    reason: 'expired',
  });
  await waitFor(() => handled(cancellation.id));
  const again = await ctx.service.bus.publish(orderCreated, order);
  await waitFor(() => handled(again.id));

  expect(await ctx.queue.getJobState(order.id)).toBe('completed');
  await expireLaterOrder(new Date().toISOString());
  expect(completionsOf(order.id)).toHaveLength(1);
});

test('when an order without a job is cancelled, then the event is handled without a dead letter', async () => {
  const order = orderCreatedData(secondsFromNow(60), randomUUID());
  const cancellation = await ctx.service.bus.publish(orderCancelled, cancelled(order));

  await waitFor(() => handled(cancellation.id));
  expect(await ctx.queue.getJobState(order.id)).toBe('unknown');
  expect(await ctx.service.database.db.select().from(deadLetters)).toEqual([]);
});

test('when readiness is asked, then it reports the database, NATS and Redis, and there are no /api routes', async () => {
  const ready = await request(ctx.service.app).get('/readyz').expect(200);
  expect(ready.body.checks).toEqual({ database: 'ok', nats: 'ok', redis: 'ok' });
  await request(ctx.service.app).get('/healthz').expect(200);
  await request(ctx.service.app).get('/api/expiration').expect(404);
});

test('when an order waits for its expiry, then /metrics counts its delayed job and shows the queue’s connections up', async () => {
  const scrape = async () => parseMetrics((await request(ctx.service.app).get('/metrics').expect(200)).text);
  const order = orderCreatedData(secondsFromNow(600));
  await ctx.service.bus.publish(orderCreated, order);
  await waitFor(async () => (await ctx.queue.getJobState(order.id)) === 'delayed');
  const delayed = await ctx.queue.getDelayedCount();
  expect(delayed).toBeGreaterThanOrEqual(1);
  await waitFor(
    async () => (await scrape()).value('expiration_queue_jobs', { state: 'delayed' }) === delayed,
  );
  const metrics = await scrape();
  for (const state of ['waiting', 'active', 'failed']) {
    expect(metrics.value('expiration_queue_jobs', { state })).toBeGreaterThanOrEqual(0);
  }
  expect(metrics.value('redis_connection_up', { connection: 'expiration-queue' })).toBe(1);
  expect(metrics.value('redis_connection_up', { connection: 'expiration-worker' })).toBe(1);
});
