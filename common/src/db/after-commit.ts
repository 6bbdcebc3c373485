import { AsyncLocalStorage } from 'node:async_hooks';
import { sql } from 'drizzle-orm';
import type { Pool } from 'pg';
import type { Logger } from 'pino';
import type { Executor } from './database';

/** The channels a running transaction asked to signal once it commits. */
interface CommitScope {
  channels: Set<string>;
}

const scopes = new AsyncLocalStorage<CommitScope>();

/**
 * Asks for `channel` to be signalled once the transaction running here commits (never if it rolls back;
 * inside a savepoint, once the outermost transaction commits, which at worst wakes a worker for nothing).
 * False outside a transaction begun with a Database's `db.transaction`: the caller must then NOTIFY itself.
 */
export function signalAfterCommit(channel: string): boolean {
  const scope = scopes.getStore();
  if (!scope) return false;
  scope.channels.add(channel);
  return true;
}

/**
 * Wakes `channel`'s workers once the transaction `tx` belongs to commits: after the commit when it was
 * begun with a Database's `db.transaction` (the usual case), otherwise by a NOTIFY inside it.
 */
export async function notifyAfterCommit(tx: Executor, channel: string): Promise<void> {
  if (!signalAfterCommit(channel)) await tx.execute(sql`select pg_notify(${channel}, '')`);
}

const signalsOfDb = new WeakMap<object, CommitSignals>();

/**
 * For a statement run outside any transaction (it committed when it returned): wakes `channel`'s workers
 * now, through the Database that owns `db`, or with a NOTIFY of its own for a `db` of unknown origin.
 */
export async function signalCommitted(db: Executor, channel: string): Promise<void> {
  const signals = signalsOfDb.get(db);
  if (signals) signals.signal(channel);
  else await db.execute(sql`select pg_notify(${channel}, '')`);
}

/** Answers whether it will do the work itself (then no other process needs telling). */
export type CommitListener = () => boolean;

/**
 * After-commit signals of one Database, replacing a NOTIFY inside the producing transaction: that NOTIFY
 * takes a server-wide lock from pre-commit until the commit is flushed (PreCommit_Notify), so every
 * notifying transaction on the server committed one after another. A committed transaction's channels
 * go to this process's listeners (a relay, a worker) at once; when none of them takes the work, one
 * NOTIFY is sent on its own, outside the transaction, coalesced per channel (one in flight, one more
 * queued), for a worker in another process. Lost signals are covered by each worker's poll.
 */
export class CommitSignals {
  private readonly listeners = new Map<string, Set<CommitListener>>();
  private readonly notifying = new Map<string, 'sending' | 'again'>();

  constructor(
    private readonly pool: Pool,
    private readonly logger: Logger,
    db: object,
  ) {
    signalsOfDb.set(db, this);
  }

  /** Runs `work` (a transaction) with a scope collecting signalAfterCommit's channels; signals them after. */
  async around<T>(work: () => Promise<T>): Promise<T> {
    const scope: CommitScope = { channels: new Set() };
    const result = await scopes.run(scope, work);
    for (const channel of scope.channels) this.signal(channel);
    return result;
  }

  /** `listener` hears every commit that signalled `channel` in this process; the result unsubscribes. */
  subscribe(channel: string, listener: CommitListener): () => void {
    let set = this.listeners.get(channel);
    if (!set) this.listeners.set(channel, (set = new Set()));
    set.add(listener);
    return () => set.delete(listener);
  }

  signal(channel: string): void {
    let taken = false;
    for (const listener of this.listeners.get(channel) ?? []) taken = listener() || taken;
    if (!taken) this.notifyOthers(channel);
  }

  private notifyOthers(channel: string): void {
    if (this.notifying.has(channel)) {
      this.notifying.set(channel, 'again');
      return;
    }
    this.notifying.set(channel, 'sending');
    void (async () => {
      do {
        this.notifying.set(channel, 'sending');
        try {
          await this.pool.query('select pg_notify($1, $2)', [channel, '']);
        } catch (err) {
          // The other process's poll picks the work up.
          this.logger.debug({ err, channel }, 'cross-process notify failed');
        }
      } while (this.notifying.get(channel) === 'again');
      this.notifying.delete(channel);
    })();
  }
}
