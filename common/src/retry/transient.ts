import { isConnectionError, isTransientDbError } from '../db/database';

/**
 * A failure of something this code depends on (a server away, a timeout), not of the work itself: retried
 * for as long as it takes, never counted towards giving up. Throw it (or wrap a cause in it) where a
 * dependency's own error would not be recognised by `isTransient`.
 */
export class TransientError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'TransientError';
  }
}

/** nats.js errors that mean the server or the connection is away, not that the request was wrong. */
const NATS_UNAVAILABLE = new Set([
  'ClosedConnectionError',
  'DrainingConnectionError',
  'ConnectionError',
  'TimeoutError',
  'NoResponders',
  'RequestError',
]);

/** ioredis: the command gave up while Redis was away (BullMQ passes these through unchanged). */
const REDIS_UNAVAILABLE =
  /Reached the max retries per request limit|Connection is closed|Stream isn't writeable|ECONNREFUSED|ECONNRESET|ETIMEDOUT/;

/** The official stripe SDK's error types for a request that never got an answer. */
const STRIPE_UNAVAILABLE = new Set(['StripeConnectionError', 'StripeRateLimitError', 'StripeAPIError']);

function causes(err: unknown): unknown[] {
  const chain: unknown[] = [];
  for (let current = err, depth = 0; current && depth < 4; depth++) {
    chain.push(current);
    current = (current as { cause?: unknown }).cause;
  }
  return chain;
}

/** Is this failure the infrastructure's (PostgreSQL, Redis, NATS, Stripe unreachable) rather than the work's? */
export function isTransient(err: unknown): boolean {
  // A deadlock or serialization failure between parallel transactions succeeds when tried again.
  if (isConnectionError(err) || isTransientDbError(err)) return true;
  return causes(err).some((e) => {
    if (e instanceof TransientError) return true;
    if (!(e instanceof Error)) return false;
    if (NATS_UNAVAILABLE.has(e.name)) return true;
    if (e.name === 'MaxRetriesPerRequestError' || REDIS_UNAVAILABLE.test(e.message)) return true;
    const type = (e as { type?: unknown }).type;
    return typeof type === 'string' && STRIPE_UNAVAILABLE.has(type);
  });
}
