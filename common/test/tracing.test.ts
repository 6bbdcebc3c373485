import { randomUUID } from 'node:crypto';
import { connect, type Msg } from '@nats-io/transport-node';
import { trace, type SpanContext } from '@opentelemetry/api';
import type { ReadableSpan } from '@opentelemetry/sdk-trace';
import { sql } from 'drizzle-orm';
import { consumer, expirationComplete, outbox, ticketCreated } from '../src';
import {
  busHarnessForThisFile,
  captureLogs,
  startTestTracing,
  ticketCreatedData,
  waitFor,
  type TestTracing,
} from '../src/testing';

// One user action followed across the bus: the span that wrote an event to the outbox, the relay's
// publish, the consumer that handled it (and logged), the event that consumer emitted in turn.
let tracing: TestTracing;
beforeAll(() => void (tracing = startTestTracing()));
const logs = captureLogs('orders');
const ctx = busHarnessForThisFile('tracing', { logger: logs.logger });
const headers: Array<{ subject: string; traceparent: string }> = [];

beforeAll(async () => {
  const nc = await connect({ servers: ctx.bus.options.url });
  nc.subscribe(`${ctx.bus.options.subjectPrefix}.>`, {
    callback: (_err, msg: Msg) => {
      headers.push({ subject: msg.subject, traceparent: msg.headers?.get('traceparent') ?? '' });
    },
  });
  ctx.closeWith({ close: () => nc.close() });
  const onTicketCreated = consumer(ticketCreated, 'orders', async (tx, ticket) => {
    logs.logger.info({ ticketId: ticket.id }, 'ticket added to the replica');
    await outbox.add(tx, expirationComplete, { orderId: ticket.id });
  });
  const onExpirationComplete = consumer(expirationComplete, 'payments', async () => undefined);
  await ctx.consume(onTicketCreated);
  await ctx.consume(onExpirationComplete);
});

// Declared after the harness, so it runs once the harness has closed.
afterAll(() => tracing.stop());

const spanNamed = (name: string) => tracing.spans().find((s) => s.name === name);
const parentOf = (span: { parentSpanContext?: SpanContext }) => span.parentSpanContext?.spanId;

test('when a traced action writes an event, then its publish and every consumer downstream continue that trace', async () => {
  const ticket = ticketCreatedData();
  const request = await trace.getTracer('test').startActiveSpan('POST /api/tickets', async (span) => {
    await ctx.database.db.transaction((tx) => outbox.add(tx, ticketCreated, ticket));
    span.end();
    return span;
  });
  const chain = [
    `publish ${ticketCreated.subject}`,
    `process ${ticketCreated.subject}`,
    `publish ${expirationComplete.subject}`,
    `process ${expirationComplete.subject}`,
  ];
  // Each span is exported when it ends (a publish when JetStream acks): wait for all four.
  const [publish, handle, republish, handleNext] = await waitFor(() => {
    const spans = chain.map(spanNamed);
    return spans.every(Boolean)
      ? (spans as [ReadableSpan, ReadableSpan, ReadableSpan, ReadableSpan])
      : undefined;
  });

  const traceId = request.spanContext().traceId;
  for (const span of [publish, handle, republish, handleNext])
    expect(span.spanContext().traceId).toBe(traceId);
  expect(parentOf(publish)).toBe(request.spanContext().spanId);
  expect(parentOf(handle)).toBe(publish.spanContext().spanId);
  expect(parentOf(republish)).toBe(handle.spanContext().spanId);
  expect(parentOf(handleNext)).toBe(republish.spanContext().spanId);
  expect(handle.attributes['messaging.consumer.group.name']).toBe('orders_ticket_created_v1');

  // The row kept the writer's context; the message carried the publish span's.
  const { rows } = await ctx.database.db.execute<{ trace_context: { traceparent: string } }>(
    sql`select trace_context from outbox where id = (envelope->>'id')::uuid and subject = ${ticketCreated.subject}`,
  );
  expect(rows[0]?.trace_context.traceparent).toBe(`00-${traceId}-${request.spanContext().spanId}-01`);
  const sent = headers.find((h) => h.subject.endsWith(ticketCreated.subject));
  expect(sent?.traceparent).toBe(`00-${traceId}-${publish.spanContext().spanId}-01`);

  // A line logged while handling carries the handling span's ids.
  const line = logs.lines.find((l) => l.msg === 'ticket added to the replica' && l.ticketId === ticket.id);
  expect(line).toMatchObject({ trace_id: traceId, span_id: handle.spanContext().spanId });
});

test('when an event is written outside any trace, then its row has no context and its consumer starts a trace', async () => {
  const ticket = ticketCreatedData();
  await ctx.database.db.transaction((tx) => outbox.add(tx, ticketCreated, ticket));
  await waitFor(() =>
    logs.lines.some((l) => l.msg === 'ticket added to the replica' && l.ticketId === ticket.id),
  );
  const { rows } = await ctx.database.db.execute<{ trace_context: unknown }>(
    sql`select trace_context from outbox where envelope->'data'->>'id' = ${ticket.id}`,
  );
  expect(rows[0]?.trace_context).toBeNull();
  const line = logs.lines.find((l) => l.msg === 'ticket added to the replica' && l.ticketId === ticket.id)!;
  // Logged inside the handler: its span ends (and is exported) once the handler returns.
  const handle = await waitFor(() => tracing.spans().find((s) => s.spanContext().spanId === line.span_id));
  expect(handle.name).toBe(`process ${ticketCreated.subject}`);
  expect(handle.parentSpanContext).toBeUndefined();
});

test("when a traced job publishes directly (no outbox), then the message and its consumer continue the job's trace", async () => {
  const orderId = randomUUID();
  const job = await trace.getTracer('test').startActiveSpan('process order-expiration', async (span) => {
    await ctx.bus.publish(expirationComplete, { orderId });
    span.end();
    return span;
  });
  const traceId = job.spanContext().traceId;
  const inJobTrace = (name: string) =>
    tracing.spans().find((s) => s.name === name && s.spanContext().traceId === traceId);
  // The publish span ended before bus.publish returned; the handling ends once the consumer applied it.
  const handled = await waitFor(() => inJobTrace(`process ${expirationComplete.subject}`));
  const publish = inJobTrace(`publish ${expirationComplete.subject}`)!;
  expect(parentOf(publish)).toBe(job.spanContext().spanId);
  expect(parentOf(handled)).toBe(publish.spanContext().spanId);
});

test("when a queue's housekeeping starts a trace, then it is not recorded, while other new traces are", () => {
  const tracer = trace.getTracer('test');
  const upkeep = tracer.startSpan('moveStalledJobsToWait order-expiration');
  const job = tracer.startSpan('process order-expiration');
  expect(upkeep.isRecording()).toBe(false);
  expect(job.isRecording()).toBe(true);
  upkeep.end();
  job.end();
});
