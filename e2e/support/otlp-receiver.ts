import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A span as the services exported it (OTLP/JSON), with the service that sent it. */
export interface ReceivedSpan {
  service: string;
  scope: string;
  name: string;
  traceId: string;
  spanId: string;
  parentSpanId: string;
  kind: number;
  attributes: Record<string, unknown>;
}

interface OtlpValue {
  stringValue?: string;
  intValue?: string | number;
  boolValue?: boolean;
  doubleValue?: number;
}
interface OtlpAttribute {
  key: string;
  value: OtlpValue;
}
interface OtlpExport {
  resourceSpans: Array<{
    resource: { attributes: OtlpAttribute[] };
    scopeSpans: Array<{
      scope: { name: string };
      spans: Array<Omit<ReceivedSpan, 'service' | 'scope' | 'attributes'> & { attributes?: OtlpAttribute[] }>;
    }>;
  }>;
}

const valueOf = (v: OtlpValue) =>
  v.stringValue ?? (v.intValue !== undefined ? Number(v.intValue) : (v.boolValue ?? v.doubleValue));
const record = (attributes: OtlpAttribute[] = []) =>
  Object.fromEntries(attributes.map((a) => [a.key, valueOf(a.value)]));

/**
 * The smallest OTLP/HTTP traces receiver (JSON encoding, OTEL_EXPORTER_OTLP_PROTOCOL=http/json): what an
 * OpenTelemetry collector or Jaeger would receive from the platform, kept in memory for assertions.
 */
export async function startOtlpReceiver() {
  const spans: ReceivedSpan[] = [];
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      const batch = JSON.parse(body) as OtlpExport;
      for (const resourceSpans of batch.resourceSpans) {
        const service = String(record(resourceSpans.resource.attributes)['service.name']);
        for (const scopeSpans of resourceSpans.scopeSpans)
          for (const span of scopeSpans.spans)
            spans.push({
              ...span,
              service,
              scope: scopeSpans.scope.name,
              attributes: record(span.attributes),
            });
      }
      res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    spans,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
