import { context, propagation, trace } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { CompositePropagator, W3CBaggagePropagator, W3CTraceContextPropagator } from '@opentelemetry/core';
import { OTLPTraceExporter as OtlpJsonExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { OTLPTraceExporter as OtlpProtobufExporter } from '@opentelemetry/exporter-trace-otlp-proto';
import { registerInstrumentations } from '@opentelemetry/instrumentation';
import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { BatchSpanProcessor, TracerProvider } from '@opentelemetry/sdk-trace';
import { ATTR_SERVICE_NAME } from '@opentelemetry/semantic-conventions';

/**
 * The client's server side in the services' traces, configured by the same standard variables (see the
 * README's "Traces"): off unless OTEL_EXPORTER_OTLP_ENDPOINT (or _TRACES_ENDPOINT) is set. Next.js makes
 * the spans of each page render itself; the http instrumentation adds the API calls (axios), sending the
 * W3C traceparent header, so the services continue the page's trace.
 */
const env = process.env;
const base = env.OTEL_EXPORTER_OTLP_ENDPOINT?.replace(/\/+$/, '');
const url = env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT || (base ? `${base}/v1/traces` : undefined);

if (url && env.OTEL_SDK_DISABLED !== 'true') {
  const exporter =
    env.OTEL_EXPORTER_OTLP_PROTOCOL === 'http/json'
      ? new OtlpJsonExporter({ url })
      : new OtlpProtobufExporter({ url });
  const provider = new TracerProvider({
    resource: resourceFromAttributes({ [ATTR_SERVICE_NAME]: env.OTEL_SERVICE_NAME || 'client' }),
    spanProcessors: [new BatchSpanProcessor({ exporter })],
  });
  context.setGlobalContextManager(new AsyncLocalStorageContextManager());
  propagation.setGlobalPropagator(
    new CompositePropagator({ propagators: [new W3CTraceContextPropagator(), new W3CBaggagePropagator()] }),
  );
  trace.setGlobalTracerProvider(provider);
  registerInstrumentations({
    tracerProvider: provider,
    // Incoming requests already get Next.js's own root span; outgoing ones only inside a page's trace.
    instrumentations: [
      new HttpInstrumentation({ ignoreIncomingRequestHook: () => true, requireParentforOutgoingSpans: true }),
    ],
  });
  process.once('SIGTERM', () => void provider.shutdown());
}
