/**
 * Every metric the platform serves, read from the code that defines it (common's, payments' refunds,
 * expiration's queue) plus prom-client's process and Node.js metrics and Prometheus' own `up`: the names
 * an alert, a dashboard panel or docs/operations.md may use.
 */
import { collectDefaultMetrics, Registry } from 'prom-client';
import { COMMON_METRICS, seriesNames, type MetricSpec } from '@ticketing/common';
import { QUEUE_METRICS } from '../../../expiration/src/data/queue-metrics';
import { REFUND_METRICS } from '../../../payments/src/data/refund-metrics';

/** The metrics the services define themselves (documented in docs/operations.md). */
export const PLATFORM_METRICS: MetricSpec[] = [
  ...COMMON_METRICS,
  ...Object.values(REFUND_METRICS),
  ...Object.values(QUEUE_METRICS),
];

function defaultMetricSeries(): string[] {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  // At run time a metric's type is its exposition name ('histogram'); the typings say an enum.
  return registry
    .getMetricsAsArray()
    .flatMap((m) =>
      seriesNames({ name: m.name, type: String(m.type) === 'histogram' ? 'histogram' : 'gauge' }),
    );
}

export const knownSeries = (): Set<string> =>
  new Set([...PLATFORM_METRICS.flatMap(seriesNames), ...defaultMetricSeries(), 'up']);
