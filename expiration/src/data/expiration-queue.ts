import { Queue, type JobsOptions } from 'bullmq';
import { BullMQOtel } from 'bullmq-otel';
import { Redis } from 'ioredis';
import { backoffDelay, tracingStatus, type Logger } from '@ticketing/common';

/** One delayed job per order; its id is the order id. */
export interface ExpirationJob {
  orderId: string;
  expiresAt: string;
  /** Of the order.created that scheduled it: expiration.complete carries it on. */
  correlationId?: string;
}

export type ExpirationQueue = Queue<ExpirationJob, void, typeof EXPIRE_ORDER>;

export const EXPIRE_ORDER = 'expire-order';

export interface QueueLocation {
  redisUrl: string;
  name: string;
  prefix: string;
}

export const CAPPED_EXPONENTIAL = 'capped-exponential';

/**
 * BullMQ's own OpenTelemetry spans (add, process), with the trace context stored in the job: the job that
 * runs 15 minutes later continues the trace of the order.created that scheduled it.
 */
export const jobTelemetry = () =>
  tracingStatus().on ? { telemetry: new BullMQOtel({ tracerName: 'expiration' }) } : {};

/** Up to 1 s doubling up to 2 minutes, full jitter: 50 attempts ride out about 45 minutes of NATS being away. */
export const cappedExponentialBackoff = (attemptsMade: number): number =>
  backoffDelay(attemptsMade, { baseMs: 1_000, maxMs: 120_000 });

export const expirationJobOptions: JobsOptions = {
  attempts: 50,
  backoff: { type: CAPPED_EXPONENTIAL },
  // Kept for a day so that a late duplicate order.created finds the job id taken and schedules nothing.
  removeOnComplete: { age: 24 * 3_600 },
  // Never dropped: a job that exhausted its attempts stays in the failed set for an operator to retry.
  removeOnFail: false,
};

/**
 * The producer side. Its connection fails a command after a few reconnect attempts (instead of queueing it
 * forever) so that a consumer handler errors, rolls back and is redelivered while Redis is away.
 */
export function openExpirationQueue(location: QueueLocation, logger: Logger) {
  const connection = new Redis(location.redisUrl, { maxRetriesPerRequest: 3 });
  connection.on('error', (err) => logger.warn({ err }, 'redis error (expiration queue)'));
  const queue: ExpirationQueue = new Queue(location.name, {
    connection,
    prefix: location.prefix,
    defaultJobOptions: expirationJobOptions,
    ...jobTelemetry(),
  });
  queue.on('error', (err) => logger.warn({ err }, 'expiration queue error'));
  return { queue, connection };
}
