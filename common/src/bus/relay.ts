import { asc, inArray, isNull, lt, sql } from 'drizzle-orm';
import type { PoolClient } from 'pg';
import type { Logger } from 'pino';
import type { Database } from '../db/database';
import type { Bus } from './bus';
import { OUTBOX_CHANNEL } from './outbox';
import { outboxTable } from './schema';

export interface RelayOptions {
  /** Safety-net poll; commits wake the relay at once through NOTIFY. */
  pollIntervalMs?: number;
  batchSize?: number;
  maxBackoffMs?: number;
  /** Sent rows older than this are deleted (the stream keeps the history). */
  retentionMs?: number;
}

/** Session advisory lock: one relay per database publishes, so commit order survives many instances. */
const RELAY_LOCK = 727_002;
const HOUR = 3_600_000;

/**
 * Publishes committed outbox rows in order (Nats-Msg-Id = envelope id), marks them sent, and keeps
 * retrying with backoff while NATS or the database is away. A crash between publish and mark re-publishes
 * the row; JetStream's duplicate window and the consumers' processed_events make that harmless.
 */
export class OutboxRelay {
  private listener: PoolClient | undefined;
  private leader = false;
  private stopping = false;
  private wakeUp: (() => void) | undefined;
  private pending = false;
  private failures = 0;
  private lastCleanup = 0;
  private readonly loop: Promise<void>;
  private readonly options: Required<RelayOptions>;

  constructor(
    private readonly bus: Bus,
    private readonly database: Database,
    private readonly logger: Logger,
    options: RelayOptions = {},
  ) {
    this.options = {
      pollIntervalMs: 2_000,
      batchSize: 100,
      maxBackoffMs: 5_000,
      retentionMs: 7 * 24 * HOUR,
      ...options,
    };
    this.loop = this.run();
  }

  /** Publish now rather than at the next poll. */
  wake(): void {
    this.pending = true;
    // While backing off from a failure, commits do not cut the wait short.
    if (this.failures === 0) this.wakeUp?.();
  }

  /** Stops the loop after one last attempt to publish what is waiting (bounded by the bus timeout). */
  async close(): Promise<void> {
    this.stopping = true;
    this.wakeUp?.();
    await this.loop;
    if (this.leader)
      await this.drain().catch((err) => this.logger.warn({ err }, 'final outbox flush failed'));
    this.dropListener();
  }

  private async run(): Promise<void> {
    while (!this.stopping) {
      let delay = this.options.pollIntervalMs;
      try {
        await this.ensureListener();
        if (this.leader) {
          await this.drain();
          await this.cleanup();
        }
        this.failures = 0;
      } catch (err) {
        this.failures++;
        delay = Math.min(100 * 2 ** this.failures, this.options.maxBackoffMs);
        this.logger.warn({ err, retryInMs: delay }, 'outbox relay failed, retrying');
        if (!this.listener) this.leader = false;
        if (this.failures % 3 === 1) await this.recreateStreamIfMissing();
      }
      await this.sleep(delay);
    }
  }

  private async ensureListener(): Promise<void> {
    if (this.listener) {
      if (!this.leader) this.leader = await this.tryLock(this.listener);
      return;
    }
    const client = await this.database.pool.connect();
    client.on('notification', () => this.wake());
    client.on('error', (err) => {
      this.logger.warn({ err }, 'outbox listener connection lost');
      this.dropListener(true);
    });
    await client.query(`listen ${OUTBOX_CHANNEL}`);
    this.listener = client;
    this.leader = await this.tryLock(client);
  }

  private async tryLock(client: PoolClient): Promise<boolean> {
    const result = await client.query<{ locked: boolean }>('select pg_try_advisory_lock($1) as locked', [
      RELAY_LOCK,
    ]);
    return result.rows[0]?.locked === true;
  }

  private dropListener(broken = false): void {
    const client = this.listener;
    this.listener = undefined;
    this.leader = false;
    // Destroying the connection (rather than returning it to the pool) releases the advisory lock.
    client?.release(broken ? new Error('listener dropped') : true);
  }

  private async drain(): Promise<void> {
    const { db } = this.database;
    for (;;) {
      this.pending = false;
      const rows = await db
        .select({
          seq: outboxTable.seq,
          id: outboxTable.id,
          subject: outboxTable.subject,
          envelope: outboxTable.envelope,
        })
        .from(outboxTable)
        .where(isNull(outboxTable.sentAt))
        .orderBy(asc(outboxTable.seq))
        .limit(this.options.batchSize);
      if (rows.length === 0) return;
      const published: number[] = [];
      try {
        for (const row of rows) {
          await this.bus.publishRaw(row.subject, row.id, JSON.stringify(row.envelope));
          published.push(row.seq);
        }
      } finally {
        if (published.length > 0) {
          await db
            .update(outboxTable)
            .set({ sentAt: sql`now()` })
            .where(inArray(outboxTable.seq, published));
          this.logger.debug({ count: published.length }, 'outbox events published');
        }
      }
    }
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

  private sleep(ms: number): Promise<void> {
    if (this.stopping) return Promise.resolve();
    if (this.pending && this.failures === 0) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        resolve();
      }
      this.wakeUp = () => {
        this.wakeUp = undefined;
        done();
      };
    });
  }
}
