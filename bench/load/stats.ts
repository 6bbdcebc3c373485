/** Latency summaries for the load bench: nearest-rank percentiles over every sample, in milliseconds. */
export interface Latency {
  p50: number;
  p99: number;
  max: number;
}

export function latency(samples: number[]): Latency {
  if (!samples.length) return { p50: NaN, p99: NaN, max: NaN };
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;
  return { p50: round(at(0.5)), p99: round(at(0.99)), max: round(sorted[sorted.length - 1]!) };
}

export const round = (value: number, digits = 1) => Math.round(value * 10 ** digits) / 10 ** digits;

/** Counts by HTTP status ("201": 100, "409": 900, "error": 0). */
export function tally(statuses: (number | 'error')[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const status of statuses) counts[String(status)] = (counts[String(status)] ?? 0) + 1;
  return counts;
}
