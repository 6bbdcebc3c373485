// No imports: the web client and the platform runner load this file alone (@ticketing/common/backoff).
export interface BackoffOptions {
  /** Upper bound of the first retry's delay. */
  baseMs: number;
  /** Upper bound of any delay. */
  maxMs: number;
  /**
   * `full` (the default): anywhere in [0, ceiling]. `equal`: in [ceiling / 2, ceiling], for one client
   * retrying against a limit of its own (a burst of near-zero waits would spend it).
   */
  jitter?: 'full' | 'equal';
}

/**
 * The delay before retry number `attempt` (1 for the first retry): exponential with full jitter, a random
 * value in [0, min(maxMs, baseMs · 2^(attempt − 1))] (or its upper half, with equal jitter). The jitter spreads out the many clients that failed
 * together (every consumer when the database went away), so they do not all come back in one burst.
 */
export function backoffDelay(
  attempt: number,
  { baseMs, maxMs, jitter = 'full' }: BackoffOptions,
  random = Math.random,
): number {
  const exponent = Math.min(Math.max(0, attempt - 1), 30);
  const ceiling = Math.min(maxMs, baseMs * 2 ** exponent);
  const floor = jitter === 'equal' ? ceiling / 2 : 0;
  return Math.round(floor + random() * (ceiling - floor));
}
