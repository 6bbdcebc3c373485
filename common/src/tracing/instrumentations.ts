import type { IncomingMessage } from 'node:http';
import { ExpressInstrumentation, ExpressLayerType } from '@opentelemetry/instrumentation-express';
import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';
import { IORedisInstrumentation } from '@opentelemetry/instrumentation-ioredis';
import { PgInstrumentation } from '@opentelemetry/instrumentation-pg';

/** Probes and scrapes arrive every few seconds: a trace each would bury the ones worth reading. */
const UNTRACED_PATHS = new Set(['/healthz', '/readyz', '/metrics']);

/**
 * What the services use. Database and Redis calls are traced only inside a trace (a request, an event, a
 * job): the relay's polling, the consumers' own bookkeeping and BullMQ's blocking reads would otherwise
 * each start a trace of one span.
 */
export const instrumentations = () => [
  new HttpInstrumentation({
    ignoreIncomingRequestHook: (req: IncomingMessage) => UNTRACED_PATHS.has((req.url ?? '').split('?')[0]!),
    requireParentforOutgoingSpans: true,
  }),
  // Routers and handlers only: a span for each of the dozen middlewares of every request is noise.
  new ExpressInstrumentation({ ignoreLayersType: [ExpressLayerType.MIDDLEWARE] }),
  new PgInstrumentation({ requireParentSpan: true }),
  new IORedisInstrumentation({ requireParentSpan: true }),
];
