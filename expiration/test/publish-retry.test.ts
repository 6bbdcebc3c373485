import { deterministicId, expirationComplete, orderCreated, type Envelope } from '@ticketing/common';
import { waitFor } from '@ticketing/common/testing';
import { expirationForThisFile, orderCreatedData, secondsFromNow } from './support';

const ctx = expirationForThisFile();

test('when JetStream does not acknowledge the publish, then the job is retried until it does, under one event id', async () => {
  const bus = ctx.service.bus;
  const order = orderCreatedData(secondsFromNow(2));
  await bus.publish(orderCreated, order);
  await waitFor(async () => (await ctx.queue.getJobState(order.id)) === 'delayed');

  // Without its stream, JetStream acknowledges no publish: every attempt fails (here after the 5 s timeout).
  await bus.jsm.streams.delete(bus.options.stream);
  const failure = await waitFor(async () => (await ctx.queue.getJob(order.id))?.failedReason, {
    timeoutMs: 15_000,
  });
  expect(failure).toMatch(/timeout|no responders/i);
  expect(await ctx.queue.getJobState(order.id)).not.toBe('completed');

  await bus.ensureStream();
  await waitFor(async () => (await ctx.queue.getJobState(order.id)) === 'completed', { timeoutMs: 15_000 });

  const stored = await bus.jsm.streams.getMessage(bus.options.stream, {
    last_by_subj: bus.subject(expirationComplete.subject),
  });
  const envelope = stored!.json<Envelope<{ orderId: string }>>();
  expect(envelope.data).toEqual({ orderId: order.id });
  expect(stored!.header.get('Nats-Msg-Id')).toBe(deterministicId('expiration.complete', order.id));
  const info = await bus.jsm.streams.info(bus.options.stream);
  expect(info.state.messages).toBe(1);
});
