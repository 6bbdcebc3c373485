import { setTimeout as delay } from 'node:timers/promises';
import { backoffDelay } from '@ticketing/common/backoff';
import type Stripe from 'stripe';
import { BoundedMap } from '../bounded-map';
import type { Logger } from '../logger';
import { post } from './post';
import { signatureHeader } from './signature';

export interface RetryPolicy {
  /** Attempts per delivery, the first included. */
  maxAttempts: number;
  /** Upper bound of the wait before the second attempt; doubles each time up to maxDelayMs (full jitter below it). */
  baseDelayMs: number;
  maxDelayMs: number;
  /** How long one attempt may take before it counts as failed. */
  timeoutMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = {
  maxAttempts: 8,
  baseDelayMs: 500,
  maxDelayMs: 30_000,
  timeoutMs: 10_000,
};

export interface DeliveryAttempt {
  eventId: string;
  attempt: number;
  at: string;
  /** HTTP status of the answer, or undefined when the connection failed. */
  status?: number;
  error?: string;
}

export interface DispatcherOptions {
  url: string | undefined;
  secret: string;
  /** Event types to send; `*` sends all (Stripe's `enabled_events`). */
  enabledEvents: readonly string[];
  retry: RetryPolicy;
  logger: Logger;
  capacity: number;
}

/**
 * Sends events to the configured endpoint after the API has answered: JSON body, Stripe
 * signature (fresh timestamp per attempt), retries with jittered exponential backoff on a non-2xx
 * answer or a connection error, bounded attempts. Never throws into the server.
 */
export class WebhookDispatcher {
  private readonly pending = new Set<Promise<void>>();
  private readonly stopping = new AbortController();
  private readonly attempts: BoundedMap<string, DeliveryAttempt[]>;

  constructor(private readonly options: DispatcherOptions) {
    this.attempts = new BoundedMap(options.capacity);
  }

  get url(): string | undefined {
    return this.options.url;
  }

  wants(type: string): boolean {
    const enabled = this.options.enabledEvents;
    return this.options.url !== undefined && (enabled.includes('*') || enabled.includes(type));
  }

  /** Starts delivering; `force` skips the enabled-events filter (a manual resend). */
  deliver(event: Stripe.Event, force = false): boolean {
    if (this.stopping.signal.aborted || !this.options.url) return false;
    if (!force && !this.wants(event.type)) return false;
    event.pending_webhooks = 1;
    const run = this.run(this.options.url, event).finally(() => this.pending.delete(run));
    this.pending.add(run);
    return true;
  }

  deliveries(eventId: string): DeliveryAttempt[] {
    return [...(this.attempts.get(eventId) ?? [])];
  }

  /** Resolves once every started delivery has succeeded or given up. */
  async idle(): Promise<void> {
    while (this.pending.size > 0) await Promise.allSettled([...this.pending]);
  }

  async close(): Promise<void> {
    this.stopping.abort();
    await this.idle();
  }

  private async run(url: string, event: Stripe.Event): Promise<void> {
    const { retry, logger } = this.options;
    const payload = JSON.stringify(event, null, 2);
    for (let attempt = 1; attempt <= retry.maxAttempts; attempt++) {
      const record = await this.attempt(url, event.id, payload, attempt);
      if (record.status !== undefined && record.status >= 200 && record.status < 300) {
        event.pending_webhooks = 0;
        logger.info({ eventId: event.id, type: event.type, attempt }, 'webhook delivered');
        return;
      }
      if (this.stopping.signal.aborted) return;
      logger.warn(
        { eventId: event.id, attempt, status: record.status, error: record.error },
        'webhook delivery failed',
      );
      if (attempt === retry.maxAttempts) break;
      const wait = backoffDelay(attempt, { baseMs: retry.baseDelayMs, maxMs: retry.maxDelayMs });
      const stopped = await delay(wait, false, { signal: this.stopping.signal }).catch(() => true);
      if (stopped) return;
    }
    logger.error(
      { eventId: event.id, type: event.type, attempts: retry.maxAttempts },
      'webhook delivery gave up',
    );
  }

  private async attempt(
    url: string,
    eventId: string,
    payload: string,
    attempt: number,
  ): Promise<DeliveryAttempt> {
    const record: DeliveryAttempt = { eventId, attempt, at: new Date().toISOString() };
    try {
      record.status = await post(
        url,
        payload,
        {
          'Content-Type': 'application/json; charset=utf-8',
          'User-Agent': 'Stripe/1.0 (+https://stripe.com/docs/webhooks)',
          'Stripe-Signature': signatureHeader(payload, this.options.secret),
        },
        { timeoutMs: this.options.retry.timeoutMs, signal: this.stopping.signal },
      );
    } catch (error) {
      record.error = error instanceof Error ? error.message : String(error);
    }
    const history = this.attempts.get(eventId) ?? [];
    this.attempts.set(eventId, [...history, record]);
    return record;
  }
}
