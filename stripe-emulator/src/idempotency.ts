import { createHash } from 'node:crypto';
import { BoundedMap } from './bounded-map';
import { idempotencyError, invalidRequest } from './errors';
import type { Params } from './params';

const DAY_MS = 24 * 60 * 60 * 1000;

export interface StoredResponse {
  status: number;
  body: string;
  requestId: string;
}

interface Entry extends StoredResponse {
  path: string;
  fingerprint: string;
  savedAt: number;
}

/**
 * Stripe's idempotency (https://docs.stripe.com/api/idempotent_requests): per API key, a key
 * replays the first response for 24 hours; reusing it with other parameters or on another
 * endpoint is an idempotency_error. Only requests that started executing are remembered
 * (validation failures are not), as with Stripe.
 */
export class IdempotencyStore {
  private readonly entries: BoundedMap<string, Entry>;

  constructor(capacity: number) {
    this.entries = new BoundedMap(capacity);
  }

  /** The stored response to replay, or undefined when the key is new. */
  find(apiKey: string, key: string, path: string, params: Params): StoredResponse | undefined {
    if (key.length > 255) {
      throw invalidRequest('The Idempotency-Key header must be at most 255 characters long.');
    }
    const scoped = scope(apiKey, key);
    const entry = this.entries.get(scoped);
    if (!entry) return undefined;
    if (Date.now() - entry.savedAt > DAY_MS) {
      this.entries.delete(scoped);
      return undefined;
    }
    if (entry.path !== path) {
      throw idempotencyError(
        `Keys for idempotent requests can only be used for the same endpoint they were first used for ('${entry.path}' vs '${path}'). Try using a key other than '${key}' if you meant to execute a different request.`,
      );
    }
    if (entry.fingerprint !== fingerprint(params)) {
      throw idempotencyError(
        `Keys for idempotent requests can only be used with the same parameters they were first used with. Try using a key other than '${key}' if you meant to execute a different request.`,
      );
    }
    return entry;
  }

  save(apiKey: string, key: string, path: string, params: Params, response: StoredResponse): void {
    this.entries.set(scope(apiKey, key), {
      ...response,
      path,
      fingerprint: fingerprint(params),
      savedAt: Date.now(),
    });
  }
}

const scope = (apiKey: string, key: string) => `${createHash('sha256').update(apiKey).digest('hex')}:${key}`;

/** Parameters compared by value, whatever order the client sent them in. */
function fingerprint(params: Params): string {
  return JSON.stringify(params, (_key, value: unknown) =>
    value && typeof value === 'object' && !Array.isArray(value)
      ? Object.fromEntries(Object.entries(value).sort(([a], [b]) => a.localeCompare(b)))
      : value,
  );
}
