import { realpathSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

const otlpUrl = z.url({ protocol: /^https?$/ });

/**
 * The OpenTelemetry SDK's standard variables Ticketing reads (part of every service's config schema).
 * Tracing is on only when an OTLP endpoint is set. The exporter itself also honours
 * OTEL_EXPORTER_OTLP_HEADERS and OTEL_EXPORTER_OTLP_TIMEOUT (and their _TRACES_ forms).
 */
export const tracingConfig = {
  OTEL_SDK_DISABLED: z.stringbool().default(false),
  OTEL_SERVICE_NAME: z.string().min(1).optional(),
  /** Base URL of an OTLP/HTTP receiver (a collector, Jaeger): traces go to <endpoint>/v1/traces. */
  OTEL_EXPORTER_OTLP_ENDPOINT: otlpUrl.optional(),
  /** The full traces URL, taken as it is; wins over OTEL_EXPORTER_OTLP_ENDPOINT. */
  OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: otlpUrl.optional(),
  OTEL_EXPORTER_OTLP_PROTOCOL: z.enum(['http/protobuf', 'http/json']).default('http/protobuf'),
  OTEL_TRACES_SAMPLER: z
    .enum(['parentbased_always_on', 'parentbased_traceidratio'])
    .default('parentbased_always_on'),
  /** The ratio of new traces kept with parentbased_traceidratio (a caller's decision is always followed). */
  OTEL_TRACES_SAMPLER_ARG: z.coerce.number().min(0).max(1).default(1),
  /** Milliseconds between two exports of finished spans. */
  OTEL_BSP_SCHEDULE_DELAY: z.coerce.number().int().positive().default(5_000),
};

export const tracingSchema = z.object(tracingConfig);
export type TracingConfig = z.infer<typeof tracingSchema>;

export interface TracingSettings {
  serviceName: string;
  tracesUrl: string;
  protocol: TracingConfig['OTEL_EXPORTER_OTLP_PROTOCOL'];
  sampleRatio: number;
  scheduleDelayMs: number;
}

/** What to export and where, or null when tracing is off (no endpoint, or OTEL_SDK_DISABLED=true). */
export function tracingSettings(config: TracingConfig, defaultServiceName: string): TracingSettings | null {
  if (config.OTEL_SDK_DISABLED) return null;
  const base = config.OTEL_EXPORTER_OTLP_ENDPOINT;
  const tracesUrl =
    config.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT ?? (base ? `${base.replace(/\/+$/, '')}/v1/traces` : undefined);
  if (!tracesUrl) return null;
  return {
    serviceName: config.OTEL_SERVICE_NAME ?? defaultServiceName,
    tracesUrl,
    protocol: config.OTEL_EXPORTER_OTLP_PROTOCOL,
    sampleRatio:
      config.OTEL_TRACES_SAMPLER === 'parentbased_traceidratio' ? config.OTEL_TRACES_SAMPLER_ARG : 1,
    scheduleDelayMs: config.OTEL_BSP_SCHEDULE_DELAY,
  };
}

/**
 * The service a process runs, from its entry point (<service>/dist/main.js, <service>/src/main.ts; the
 * image's /app/service link resolves to the service's folder): the name spans carry when
 * OTEL_SERVICE_NAME is not set.
 */
export function entryPointService(entry = process.argv[1]): string {
  try {
    return path.basename(path.dirname(path.dirname(realpathSync(entry ?? ''))));
  } catch {
    return 'unknown_service:node';
  }
}
