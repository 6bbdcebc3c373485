export interface BackoffOptions {
  baseMs: number;
  maxMs: number;
}

/**
 * "Full jitter" exponential backoff: a random wait between 0 and min(max, base · 2^(attempt-1)), so
 * retries of many failed items spread out instead of arriving together. `attempt` counts from 1.
 */
export function jitteredBackoff(
  attempt: number,
  { baseMs, maxMs }: BackoffOptions,
  random = Math.random,
): number {
  const ceiling = Math.min(maxMs, baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(ceiling * random());
}
