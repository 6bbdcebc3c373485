import { lt } from 'drizzle-orm';
import type { PoolClient } from 'pg';
import type { Logger } from 'pino';
import type { Database } from '../db/database';
import { unscrapedBusMetrics, type RelayMetrics } from '../metrics/bus-metrics';
import { NotifiedWorker } from '../db/notified-worker';
import type { Bus } from './bus';
import { drainOutbox } from './outbox-batch';
import { OUTBOX_CHANNEL } from './outbox';
import { PipelinedPublisher } from './pipelined-publisher';
import { outboxTable } from './schema';

export interface RelayOptions {
  /** Safety-net poll; commits wake the relay at once (after-commit signal in process, NOTIFY across). */
  pollIntervalMs?: number;
  /** Rows read, published and marked together. */
  batchSize?: number;
  maxBackoffMs?: number;
  /** Sent rows older than this are deleted (the stream keeps the history). */
  retentionMs?: number;
  metrics?: RelayMetrics;
}

/** Session advisory lock: one relay per database publishes, so commit order survives many instances. */
const RELAY_LOCK = 727_002;
const HOUR = 3_600_000;

/**
 * Publishes committed outbox rows (Nats-Msg-Id = envelope id) in batches, with every aggregate's rows in
 * seq order and many aggregates in flight at once, marks each batch sent in one UPDATE, and keeps
 * retrying with backoff while NATS or the database is away. A crash between publish and mark re-publishes
 * the row; JetStream's duplicate window and the consumers' processed_events make that harmless.
 * The loop itself (after-commit and NOTIFY wake-ups, poll, backoff) is common's NotifiedWorker; the
 * batch pipeline (read, publish, mark) is outbox-batch.ts.
 */
export class OutboxRelay {
  /** The listener connection holding the advisory lock: only then is this instance the leader. */
  private lockedOn: PoolClient | undefined;
  private failedDrains = 0;
  private lastCleanup = 0;
  private readonly options: Required<Omit<RelayOptions, 'metrics'>>;
  private readonly metrics: RelayMetrics;
  private readonly worker: NotifiedWorker;
  private readonly publisher: PipelinedPublisher;

  constructor(
    private readonly bus: Bus,
    private readonly database: Database,
    private readonly logger: Logger,
    options: RelayOptions = {},
  ) {
    this.options = {
      pollIntervalMs: 2_000,
      batchSize: 1_000,
      maxBackoffMs: 5_000,
      retentionMs: 7 * 24 * HOUR,
      ...options,
    };
    this.metrics = options.metrics ?? unscrapedBusMetrics().relay;
    this.publisher = new PipelinedPublisher(bus);
    this.worker = new NotifiedWorker(
      database,
      logger,
      {
        name: 'outbox relay',
        channel: OUTBOX_CHANNEL,
        pollIntervalMs: this.options.pollIntervalMs,
        maxBackoffMs: this.options.maxBackoffMs,
        // Only the lock holder publishes: other instances leave the wake-up to a NOTIFY reaching it.
        worksHere: () => this.lockedOn !== undefined,
      },
      (listener) => this.pass(listener),
    );
  }

  /** Stops the loop after one last attempt to publish what is waiting (bounded by the bus timeout). */
  async close(): Promise<void> {
    await this.worker.close(async (listener) => {
      if (this.lockedOn === listener) await this.drain(listener);
      return 'done';
    });
    this.publisher.close();
  }

  private async pass(listener: PoolClient): Promise<'done'> {
    if (this.lockedOn !== listener) {
      this.lockedOn = undefined;
      if (!(await this.tryLock(listener))) return 'done';
      this.lockedOn = listener;
    }
    try {
      await this.drain(listener);
      this.failedDrains = 0;
    } catch (err) {
      if (++this.failedDrains % 3 === 1) await this.recreateStreamIfMissing();
      throw err;
    }
    await this.cleanup();
    return 'done';
  }

  /** Publishes what is waiting, over the leader's listener connection (see drainOutbox). */
  private drain(listener: PoolClient): Promise<void> {
    return drainOutbox(listener, this.publisher, this.options.batchSize, this.metrics);
  }

  /**
   * Takes the leader's lock on the listener connection and, once held, stops that connection's commits
   * from waiting for the disk: its only writes are the marks of rows already published, and a mark lost
   * to a crash just publishes those rows again, which the stream's duplicate window and the consumers'
   * processed_events absorb. One flush fewer per batch leaves the disk to the commits that matter.
   */
  private async tryLock(client: PoolClient): Promise<boolean> {
    const result = await client.query<{ locked: boolean }>('select pg_try_advisory_lock($1) as locked', [
      RELAY_LOCK,
    ]);
    const locked = result.rows[0]?.locked === true;
    if (locked) await client.query('set synchronous_commit = off');
    return locked;
  }

  /**
   * A publish to a deleted stream just times out, like one to a NATS that is away. Ask the server: if it
   * answers that the stream does not exist (an operator deleted it), bring it back; otherwise keep waiting.
   */
  private async recreateStreamIfMissing(): Promise<void> {
    const { stream } = this.bus.options;
    const missing = await this.bus.jsm.streams.info(stream).then(
      () => false,
      (err: unknown) => err instanceof Error && err.name === 'StreamNotFoundError',
    );
    if (!missing) return;
    await this.bus.ensureStream().then(
      () => this.logger.warn({ stream }, 'stream was missing, recreated it'),
      (err: unknown) => this.logger.warn({ err, stream }, 'could not recreate the missing stream'),
    );
  }

  private async cleanup(): Promise<void> {
    if (Date.now() - this.lastCleanup < HOUR) return;
    this.lastCleanup = Date.now();
    const cutoff = new Date(Date.now() - this.options.retentionMs);
    await this.database.db.delete(outboxTable).where(lt(outboxTable.sentAt, cutoff));
  }
}
