import { context, propagation, trace } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { CompositePropagator, W3CBaggagePropagator, W3CTraceContextPropagator } from '@opentelemetry/core';
import { OTLPTraceExporter as OtlpJsonExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { OTLPTraceExporter as OtlpProtobufExporter } from '@opentelemetry/exporter-trace-otlp-proto';
import { registerInstrumentations } from '@opentelemetry/instrumentation';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { BatchSpanProcessor, TracerProvider, type SpanProcessor } from '@opentelemetry/sdk-trace';
import { ATTR_SERVICE_NAME } from '@opentelemetry/semantic-conventions';
import { instrumentations } from './instrumentations';
import { ServiceSampler } from './sampler';
import type { TracingSettings } from './settings';

interface ActiveTracing {
  provider: TracerProvider;
  disableInstrumentations: () => void;
  /** Where spans go, for the start-up line ("memory" in tests). */
  exportsTo: string;
}

let active: ActiveTracing | undefined;

/**
 * Installs the SDK once per process: W3C trace context propagation, an AsyncLocalStorage context manager,
 * a tracer provider exporting over OTLP/HTTP, and the http, express, pg and ioredis instrumentations.
 * Those patch modules as they are required, so this runs before anything requires them (see register.ts).
 * `processor` replaces the OTLP export (tests pass an in-memory exporter).
 */
export function startTracing(
  settings: Pick<TracingSettings, 'serviceName' | 'sampleRatio'> & Partial<TracingSettings>,
  processor?: SpanProcessor,
): void {
  if (active) return;
  const spanProcessor =
    processor ??
    new BatchSpanProcessor({
      exporter: exporterFor(settings),
      scheduledDelayMillis: settings.scheduleDelayMs,
    });
  const provider = new TracerProvider({
    resource: resourceFromAttributes({ [ATTR_SERVICE_NAME]: settings.serviceName }),
    sampler: new ServiceSampler(settings.sampleRatio),
    spanProcessors: [spanProcessor],
  });
  context.setGlobalContextManager(new AsyncLocalStorageContextManager());
  propagation.setGlobalPropagator(
    new CompositePropagator({ propagators: [new W3CTraceContextPropagator(), new W3CBaggagePropagator()] }),
  );
  trace.setGlobalTracerProvider(provider);
  const disableInstrumentations = registerInstrumentations({
    tracerProvider: provider,
    instrumentations: instrumentations(),
  });
  active = {
    provider,
    disableInstrumentations,
    exportsTo: processor ? 'memory' : (settings.tracesUrl ?? ''),
  };
}

function exporterFor(settings: Partial<TracingSettings>) {
  const options = { url: settings.tracesUrl };
  return settings.protocol === 'http/json'
    ? new OtlpJsonExporter(options)
    : new OtlpProtobufExporter(options);
}

/** Whether spans are recorded in this process, and where they are exported. */
export const tracingStatus = (): { on: false } | { on: true; exportsTo: string } =>
  active ? { on: true, exportsTo: active.exportsTo } : { on: false };

/** Exports what is still buffered (a span ended a moment ago) without stopping. */
export async function flushTracing(): Promise<void> {
  await active?.provider.forceFlush();
}

/** A collector that does not answer must not use up the service's shutdown budget. */
const SHUTDOWN_EXPORT_MS = 3_000;

/** Exports what is buffered (for a few seconds at most) and uninstalls everything: a shutdown's last step. */
export async function stopTracing(): Promise<void> {
  if (!active) return;
  const { provider, disableInstrumentations } = active;
  active = undefined;
  disableInstrumentations();
  let timer: NodeJS.Timeout | undefined;
  const giveUp = new Promise<void>((resolve) => (timer = setTimeout(resolve, SHUTDOWN_EXPORT_MS)));
  await Promise.race([provider.shutdown().catch(() => undefined), giveUp]);
  clearTimeout(timer);
  trace.disable();
  propagation.disable();
  context.disable();
}
