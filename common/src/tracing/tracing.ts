import { context, propagation, trace } from '@opentelemetry/api';
import type { SpanProcessor } from '@opentelemetry/sdk-trace';
import type * as Sdk from './sdk';
import type { ActiveTracing } from './sdk';
import type { TracingSettings } from './settings';

let active: ActiveTracing | undefined;

/**
 * Installs the SDK once per process: W3C trace context propagation, an AsyncLocalStorage context manager,
 * a tracer provider exporting over OTLP/HTTP, and the http, express, pg and ioredis instrumentations.
 * Those patch modules as they are required, so this runs before anything requires them (see register.ts).
 * `processor` replaces the OTLP export (tests pass an in-memory exporter).
 *
 * The SDK, its exporters and the instrumentations are required here, not imported at the top: a process
 * without tracing (the default) never loads them, which keeps about 30 MB out of every service's memory.
 */
export function startTracing(
  settings: Pick<TracingSettings, 'serviceName' | 'sampleRatio'> & Partial<TracingSettings>,
  processor?: SpanProcessor,
): void {
  if (active) return;
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded only when tracing is on (see above)
  const sdk = require('./sdk') as typeof Sdk;
  active = sdk.installTracing(settings, processor);
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
