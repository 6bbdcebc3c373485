import type { RequestHandler } from 'express';
import { collectDefaultMetrics, Registry } from 'prom-client';
import { counterOf, histogramOf, metricSpec } from '../metrics/spec';

const REQUEST = ['method', 'route', 'status'] as const;

export const HTTP_METRICS = {
  requests: metricSpec('counter', 'http_requests_total', 'HTTP requests', REQUEST),
  duration: metricSpec('histogram', 'http_request_duration_seconds', 'HTTP request latency', REQUEST),
};

export interface HttpMetrics {
  registry: Registry;
  middleware: RequestHandler;
}

/** A service's metrics registry: HTTP metrics and the bus's counters share it, served at /metrics. */
export function createMetricsRegistry(service: string): Registry {
  const registry = new Registry();
  registry.setDefaultLabels({ service });
  return registry;
}

/** Request count and latency by method, route pattern (never the raw URL) and status. */
export function createHttpMetrics(
  service: string,
  { defaultMetrics = false, registry = createMetricsRegistry(service) } = {},
): HttpMetrics {
  if (defaultMetrics) collectDefaultMetrics({ register: registry });
  const requests = counterOf(HTTP_METRICS.requests, registry);
  const duration = histogramOf(
    HTTP_METRICS.duration,
    registry,
    [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
  );
  const middleware: RequestHandler = (req, res, next) => {
    const stop = duration.startTimer();
    res.on('finish', () => {
      const mount = typeof res.locals.mountPath === 'string' ? res.locals.mountPath : req.baseUrl;
      const route = req.route ? `${mount}${String(req.route.path)}` : 'unmatched';
      const labels = { method: req.method, route, status: String(res.statusCode) };
      requests.inc(labels);
      stop(labels);
    });
    next();
  };
  return { registry, middleware };
}
