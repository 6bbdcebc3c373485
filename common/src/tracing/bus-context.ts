import {
  context,
  propagation,
  ROOT_CONTEXT,
  SpanKind,
  SpanStatusCode,
  trace,
  type Context,
  type TextMapGetter,
} from '@opentelemetry/api';
import type { MsgHdrs } from '@nats-io/nats-core';
import { tracingStatus } from './tracing';

/**
 * How a trace crosses the bus: the outbox row keeps the W3C context of the span that wrote the event
 * (traceparent, tracestate), the relay publishes it under a producer span whose context travels as NATS
 * headers, and each consumer handles the event in a span that is that producer span's child. One user
 * action is thus one trace across services, however long the event waited in the outbox or the stream.
 */
const tracer = () => trace.getTracer('@ticketing/common/bus');

export type TraceCarrier = Record<string, string>;

/** The active trace context as W3C headers, or null outside a recorded trace (nothing to store then). */
export function currentTraceContext(active: Context = context.active()): TraceCarrier | null {
  if (!tracingStatus().on) return null;
  const carrier: TraceCarrier = {};
  propagation.inject(active, carrier);
  return carrier.traceparent ? carrier : null;
}

/**
 * Publishes under a producer span, child of the stored context, whose context goes out as message headers.
 * Without a stored context (untraced, or tracing off) the message is published as it is.
 */
export async function publishTraced(
  subject: string,
  eventId: string,
  stored: TraceCarrier | null | undefined,
  publish: (headers?: TraceCarrier) => Promise<void>,
): Promise<void> {
  if (!stored || !tracingStatus().on) return publish();
  const parent = propagation.extract(ROOT_CONTEXT, stored);
  const span = tracer().startSpan(
    `publish ${subject}`,
    { kind: SpanKind.PRODUCER, attributes: messagingAttributes(subject, eventId, 'publish') },
    parent,
  );
  const headers = currentTraceContext(trace.setSpan(parent, span)) ?? undefined;
  try {
    await publish(headers);
  } catch (err) {
    span.setStatus({ code: SpanStatusCode.ERROR, message: err instanceof Error ? err.message : String(err) });
    throw err;
  } finally {
    span.end();
  }
}

/** The context of a message still to be handled, kept beside its parsed envelope (see parse.ts). */
const received = new WeakMap<object, MsgHdrs>();

export function keepTraceHeaders<T extends object>(envelope: T, headers: MsgHdrs | undefined): T {
  if (headers && tracingStatus().on) received.set(envelope, headers);
  return envelope;
}

const natsHeaders: TextMapGetter<MsgHdrs> = {
  keys: (carrier) => carrier.keys(),
  get: (carrier, key) => carrier.get(key) || undefined,
};

/** Runs a consumer's handler in a span that continues the producer's trace (a new trace without one). */
export function handleTraced<T>(
  consumer: string,
  envelope: { id: string; subject: string },
  handle: () => Promise<T>,
): Promise<T> {
  if (!tracingStatus().on) return handle();
  const headers = received.get(envelope);
  const parent = headers ? propagation.extract(ROOT_CONTEXT, headers, natsHeaders) : ROOT_CONTEXT;
  const attributes = {
    ...messagingAttributes(envelope.subject, envelope.id, 'process'),
    'messaging.consumer.group.name': consumer,
  };
  return tracer().startActiveSpan(
    `process ${envelope.subject}`,
    { kind: SpanKind.CONSUMER, attributes },
    parent,
    async (span) => {
      try {
        return await handle();
      } catch (err) {
        span.setStatus({
          code: SpanStatusCode.ERROR,
          message: err instanceof Error ? err.message : String(err),
        });
        throw err;
      } finally {
        span.end();
      }
    },
  );
}

const messagingAttributes = (subject: string, eventId: string, operation: 'publish' | 'process') => ({
  'messaging.system': 'nats',
  'messaging.destination.name': subject,
  'messaging.message.id': eventId,
  'messaging.operation.type': operation === 'publish' ? 'send' : 'process',
});

/**
 * Runs a batch handler with one consumer span per event, each continuing its own producer's trace, all
 * open around the one call (a statement for the whole batch has no single parent to nest under).
 */
export async function handleTracedBatch<T>(
  consumer: string,
  envelopes: Array<{ id: string; subject: string }>,
  handle: () => Promise<T>,
): Promise<T> {
  if (!tracingStatus().on) return handle();
  const spans = envelopes.map((envelope) => {
    const headers = received.get(envelope);
    const parent = headers ? propagation.extract(ROOT_CONTEXT, headers, natsHeaders) : ROOT_CONTEXT;
    const attributes = {
      ...messagingAttributes(envelope.subject, envelope.id, 'process'),
      'messaging.consumer.group.name': consumer,
      'messaging.batch.message_count': envelopes.length,
    };
    return tracer().startSpan(`process ${envelope.subject}`, { kind: SpanKind.CONSUMER, attributes }, parent);
  });
  try {
    return await handle();
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    for (const span of spans) span.setStatus({ code: SpanStatusCode.ERROR, message });
    throw err;
  } finally {
    for (const span of spans) span.end();
  }
}
