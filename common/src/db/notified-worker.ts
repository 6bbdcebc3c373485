import type { PoolClient } from 'pg';
import type { Logger } from 'pino';
import { backoffDelay } from '../retry/backoff';
import type { Database } from './database';

export interface NotifiedWorkerOptions {
  /** Name for logs, e.g. "outbox relay". */
  name: string;
  /** The NOTIFY channel whose notifications (sent at commit) wake the worker at once. */
  channel: string;
  /** Safety-net poll. */
  pollIntervalMs: number;
  /** Backoff after a failed pass: up to 200 ms, doubling up to this, with full jitter. */
  maxBackoffMs: number;
  /**
   * Whether this instance works what a commit in this process signals (the relay: only while it holds
   * the lock). When not, the commit also sends a NOTIFY for the instance that does. Default: always.
   */
  worksHere?: () => boolean;
}

/**
 * One pass of work. It gets the worker's dedicated LISTEN connection (for session-level locks) and
 * answers whether more work is waiting right now.
 */
export type WorkerPass = (listener: PoolClient) => Promise<'done' | 'more'>;

/**
 * A background loop woken on a channel by commits in this process (the Database's after-commit signals)
 * and by NOTIFY from other processes, with a slow poll as safety net and backoff while its database or
 * downstream is away. Commits do not cut a backoff short. The outbox relay and the payments
 * refund worker are both this loop with a different pass.
 */
export class NotifiedWorker {
  private listener: PoolClient | undefined;
  private stopping = false;
  private pending = false;
  private failures = 0;
  private wakeUp: (() => void) | undefined;
  private readonly loop: Promise<void>;
  private readonly unsubscribe: () => void;

  constructor(
    private readonly database: Database,
    private readonly logger: Logger,
    private readonly options: NotifiedWorkerOptions,
    private readonly pass: WorkerPass,
  ) {
    const worksHere = options.worksHere ?? (() => true);
    this.unsubscribe = database.commits.subscribe(options.channel, () => {
      if (!worksHere()) return false;
      this.wake();
      return true;
    });
    this.loop = this.run();
  }

  /** Work now rather than at the next poll. */
  wake(): void {
    this.pending = true;
    if (this.failures === 0) this.wakeUp?.();
  }

  /** Stops the loop; `finalPass`, if given, runs once more on the listener before it is released. */
  async close(finalPass?: WorkerPass): Promise<void> {
    this.stopping = true;
    this.unsubscribe();
    this.wakeUp?.();
    await this.loop;
    if (finalPass && this.listener) {
      await finalPass(this.listener).catch((err: unknown) =>
        this.logger.warn({ err, worker: this.options.name }, 'final pass failed'),
      );
    }
    this.dropListener();
  }

  private async run(): Promise<void> {
    while (!this.stopping) {
      let delay = this.options.pollIntervalMs;
      try {
        const listener = await this.ensureListener();
        this.pending = false;
        if ((await this.pass(listener)) === 'more') this.pending = true;
        this.failures = 0;
      } catch (err) {
        this.failures++;
        delay = backoffDelay(this.failures, { baseMs: 200, maxMs: this.options.maxBackoffMs });
        this.logger.warn(
          { err, retryInMs: delay, worker: this.options.name },
          `${this.options.name} failed, retrying`,
        );
      }
      await this.sleep(delay);
    }
  }

  private async ensureListener(): Promise<PoolClient> {
    if (this.listener) return this.listener;
    const client = await this.database.pool.connect();
    client.on('notification', () => this.wake());
    client.on('error', (err) => {
      this.logger.warn({ err, worker: this.options.name }, 'listener connection lost');
      this.dropListener(true);
    });
    await client.query(`listen ${this.options.channel}`);
    this.listener = client;
    return client;
  }

  private dropListener(broken = false): void {
    const client = this.listener;
    this.listener = undefined;
    // Destroying the connection (not returning it to the pool) also releases its session locks.
    client?.release(broken ? new Error('listener dropped') : true);
  }

  private sleep(ms: number): Promise<void> {
    if (this.stopping) return Promise.resolve();
    if (this.pending && this.failures === 0) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(() => this.wakeUp?.(), ms);
      this.wakeUp = () => {
        this.wakeUp = undefined;
        clearTimeout(timer);
        resolve();
      };
    });
  }
}
