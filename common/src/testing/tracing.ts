import { InMemorySpanExporter, SimpleSpanProcessor, type ReadableSpan } from '@opentelemetry/sdk-trace';
import { startTracing, stopTracing } from '../tracing/tracing';

export interface TestTracing {
  /** Every span ended so far, in the order they ended. */
  spans(): ReadableSpan[];
  stop(): Promise<void>;
}

/**
 * Tracing as a service runs it, but keeping finished spans in memory. Jest loads modules itself, so the
 * http/express/pg instrumentations do not patch here: spans come from the bus and from the test's own
 * tracer (the e2e suite sees the instrumented processes).
 */
export function startTestTracing(serviceName = 'test'): TestTracing {
  const exporter = new InMemorySpanExporter();
  startTracing({ serviceName, sampleRatio: 1 }, new SimpleSpanProcessor({ exporter }));
  return { spans: () => exporter.getFinishedSpans(), stop: stopTracing };
}
