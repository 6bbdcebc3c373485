import { Counter, Gauge, Histogram, type Registry } from 'prom-client';

/**
 * A metric as the code declares it: every metric of the platform is one of these, so the list of metric
 * names (which the alert rules, the dashboard and docs/operations.md must agree with) is read from code.
 */
export interface MetricSpec<L extends string = string> {
  name: string;
  help: string;
  type: 'counter' | 'gauge' | 'histogram';
  labelNames: readonly L[];
}

/** The labels of a per-consumer metric: the durable consumer's name and the subject it reads. */
export const CONSUMER_LABELS = ['consumer', 'subject'] as const;

export const metricSpec = <L extends string = never>(
  type: MetricSpec['type'],
  name: string,
  help: string,
  labelNames: readonly L[] = [],
): MetricSpec<L> => ({ type, name, help, labelNames });

/** The series names a spec produces: a histogram's _bucket, _sum and _count besides its own name. */
export const seriesNames = (spec: Pick<MetricSpec, 'name' | 'type'>): string[] =>
  spec.type === 'histogram'
    ? [spec.name, `${spec.name}_bucket`, `${spec.name}_sum`, `${spec.name}_count`]
    : [spec.name];

export const counterOf = <L extends string>(spec: MetricSpec<L>, registry: Registry) =>
  new Counter<L>({ name: spec.name, help: spec.help, labelNames: spec.labelNames, registers: [registry] });

export const histogramOf = <L extends string>(spec: MetricSpec<L>, registry: Registry, buckets: number[]) =>
  new Histogram<L>({
    name: spec.name,
    help: spec.help,
    labelNames: spec.labelNames,
    buckets,
    registers: [registry],
  });

/** A gauge whose values `collect` sets when /metrics is scraped. */
export const gaugeOf = <L extends string>(
  spec: MetricSpec<L>,
  registry: Registry,
  collect?: (gauge: Gauge<L>) => Promise<void> | void,
) =>
  new Gauge<L>({
    name: spec.name,
    help: spec.help,
    labelNames: spec.labelNames,
    registers: [registry],
    ...(collect
      ? {
          collect(this: Gauge<L>) {
            return collect(this);
          },
        }
      : {}),
  });
