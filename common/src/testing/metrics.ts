export interface Metrics {
  /** The value of the first series of `name` carrying all of `labels`; undefined when there is none. */
  value(name: string, labels?: Record<string, string>): number | undefined;
}

/** A /metrics answer (Prometheus text format) read as Prometheus would, with a lookup by name and labels. */
export function parseMetrics(text: string): Metrics {
  const series = text
    .split('\n')
    .filter((line) => line && !line.startsWith('#'))
    .map((line) => {
      const match = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
      if (!match) throw new Error(`not an exposition line: ${line}`);
      const labels = Object.fromEntries(
        [...(match[2] ?? '').matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)].map((m) => [m[1]!, m[2]!]),
      );
      return { name: match[1]!, labels, value: Number(match[3]) };
    });
  return {
    value: (name, labels = {}) =>
      series.find((s) => s.name === name && Object.entries(labels).every(([k, v]) => s.labels[k] === v))
        ?.value,
  };
}
