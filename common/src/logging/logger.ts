import { pino, type DestinationStream, type Logger } from 'pino';
import { isSpanContextValid, trace } from '@opentelemetry/api';
import { currentCorrelationId } from './correlation';

export type { Logger } from 'pino';
export { currentCorrelationId, withCorrelationId } from './correlation';

/** Paths that must never reach a log line: credentials, tokens, cookies. */
const REDACT = [
  'password',
  '*.password',
  'body.password',
  'req.headers.cookie',
  'req.headers.authorization',
  'req.headers["x-csrf-token"]',
  'res.headers["set-cookie"]',
  'refreshToken',
  '*.refreshToken',
];

/**
 * JSON lines on stdout, written asynchronously: a synchronous write per line stalls the event loop under
 * load. pino flushes what is buffered synchronously when the process exits (shutdown, or a crash).
 * `destination` lets a test read the lines.
 */
export function createLogger(
  service: string,
  level = process.env.LOG_LEVEL ?? 'info',
  destination: DestinationStream = pino.destination({ dest: 1, sync: false }),
): Logger {
  return pino(
    {
      name: service,
      level,
      redact: { paths: REDACT, censor: '[redacted]' },
      base: { service },
      mixin: () => ({ ...correlation(), ...traceIds() }),
    },
    destination,
  );
}

const correlation = () => {
  const correlationId = currentCorrelationId();
  return correlationId ? { correlationId } : {};
};

/** The active span's ids (when tracing is on and a span is active), to find a log line's trace. */
const traceIds = () => {
  const span = trace.getActiveSpan()?.spanContext();
  return span && isSpanContextValid(span) ? { trace_id: span.traceId, span_id: span.spanId } : {};
};
