import { Worker, type Job } from 'bullmq';
import { Redis } from 'ioredis';
import { withCorrelationId, type Logger } from '@ticketing/common';
import {
  CAPPED_EXPONENTIAL,
  cappedExponentialBackoff,
  type EXPIRE_ORDER,
  type ExpirationJob,
  jobTelemetry,
  type QueueLocation,
} from './expiration-queue';

/**
 * The consumer side: runs each job when it is due (at once for jobs that fell due while no worker ran).
 * A processor that throws is retried with backoff; BullMQ re-runs a job whose worker died mid-way.
 */
export function startExpirationWorker(
  location: QueueLocation,
  expire: (job: ExpirationJob) => Promise<void>,
  logger: Logger,
) {
  // Blocking commands must wait for Redis to come back rather than fail: BullMQ requires this.
  const connection = new Redis(location.redisUrl, { maxRetriesPerRequest: null });
  connection.on('error', (err) => logger.warn({ err }, 'redis error (expiration worker)'));
  const worker = new Worker<ExpirationJob, void, typeof EXPIRE_ORDER>(
    location.name,
    (job: Job<ExpirationJob>) => withCorrelationId(job.data.correlationId, () => expire(job.data)),
    {
      connection,
      prefix: location.prefix,
      concurrency: 16,
      ...jobTelemetry(),
      settings: {
        backoffStrategy: (attemptsMade, type) =>
          type === CAPPED_EXPONENTIAL ? cappedExponentialBackoff(attemptsMade) : 0,
      },
    },
  );
  worker.on('error', (err) => logger.warn({ err }, 'expiration worker error'));
  worker.on('failed', (job, err) => {
    const attempts = job?.opts.attempts ?? 1;
    const log = { err, orderId: job?.id, attemptsMade: job?.attemptsMade };
    if (job && job.attemptsMade >= attempts) logger.error(log, 'expiration job gave up; kept in failed set');
    else logger.warn(log, 'expiration job failed, retrying');
  });
  return { worker, connection };
}
