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

export interface ActiveTracing {
  provider: TracerProvider;
  disableInstrumentations: () => void;
  /** Where spans go, for the start-up line ("memory" in tests). */
  exportsTo: string;
}

/** The OpenTelemetry SDK, required by startTracing only when tracing is on (see tracing.ts). */
export function installTracing(
  settings: Pick<TracingSettings, 'serviceName' | 'sampleRatio'> & Partial<TracingSettings>,
  processor?: SpanProcessor,
): ActiveTracing {
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
  return { provider, disableInstrumentations, exportsTo: processor ? 'memory' : (settings.tracesUrl ?? '') };
}

function exporterFor(settings: Partial<TracingSettings>) {
  const options = { url: settings.tracesUrl };
  return settings.protocol === 'http/json'
    ? new OtlpJsonExporter(options)
    : new OtlpProtobufExporter(options);
}
