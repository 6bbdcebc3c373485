import { drizzle, type NodePgDatabase, type NodePgQueryResultHKT } from 'drizzle-orm/node-postgres';
import type { PgDatabase } from 'drizzle-orm/pg-core';
import { Pool } from 'pg';
import type { Logger } from 'pino';
import { CommitSignals } from './after-commit';

export type Db = NodePgDatabase<Record<string, never>>;
/** Anything that runs queries: the database itself or a transaction inside it. */
export type Executor = PgDatabase<NodePgQueryResultHKT, Record<string, never>>;

export interface Database {
  readonly db: Db;
  readonly pool: Pool;
  /** Signals of committed transactions (signalAfterCommit) to this process's workers. */
  readonly commits: CommitSignals;
  close(): Promise<void>;
}

export function connectDatabase(url: string, logger: Logger, options: { poolSize?: number } = {}): Database {
  const pool = new Pool({
    connectionString: url,
    max: options.poolSize ?? 10,
    connectionTimeoutMillis: 5_000,
    idleTimeoutMillis: 30_000,
  });
  // An idle client losing its server must not crash the process; the pool replaces it.
  pool.on('error', (err) => logger.warn({ err }, 'idle database client error'));
  const db = drizzle({ client: pool });
  const commits = new CommitSignals(pool, logger, db);
  // Every transaction begun here collects what signalAfterCommit asks for, signalled once it committed.
  const begin = db.transaction.bind(db);
  db.transaction = (work, config) => commits.around(() => begin(work, config));
  let closed = false;
  return {
    db,
    pool,
    commits,
    async close() {
      if (closed) return;
      closed = true;
      await pool.end();
    },
  };
}

/** Readiness check: the database answers a trivial query. */
export function databaseCheck(database: Database) {
  return async () => {
    await database.pool.query('select 1');
  };
}

const SERIALIZATION_FAILURE = '40001';
const DEADLOCK = '40P01';
const UNIQUE_VIOLATION = '23505';

function pgCode(err: unknown): string | undefined {
  let current: unknown = err;
  // drizzle wraps driver errors; the SQLSTATE sits on the cause.
  for (let depth = 0; depth < 3 && current && typeof current === 'object'; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string') return code;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

export const isUniqueViolation = (err: unknown, constraint?: string): boolean => {
  if (pgCode(err) !== UNIQUE_VIOLATION) return false;
  if (!constraint) return true;
  const cause = (err as { cause?: { constraint?: string }; constraint?: string }) ?? {};
  return (cause.constraint ?? cause.cause?.constraint) === constraint;
};

/**
 * PostgreSQL refused a value the request carried (a NUL byte, a date outside its calendar): the client's
 * fault, a 400. Validation at the edge should catch these first; this is the net under it.
 */
export const isRejectedInputValue = (err: unknown): boolean =>
  ['22021', '22P05', '22007', '22008'].includes(pgCode(err) ?? '');

/** The database (or the network to it) is away: a fault of ours, not of the request or the message. */
export const isConnectionError = (err: unknown): boolean => {
  const code = pgCode(err);
  if (
    code &&
    (/^(08|57P0[1-3]|53300)/.test(code) ||
      ['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'ENOTFOUND'].includes(code))
  ) {
    return true;
  }
  const message =
    err instanceof Error ? `${err.message} ${String((err as { cause?: unknown }).cause ?? '')}` : '';
  // 55000 is also other things; with this text it is ALTER DATABASE … ALLOW_CONNECTIONS false (maintenance).
  return /ECONNREFUSED|ECONNRESET|ETIMEDOUT|Connection terminated|timeout exceeded when trying to connect|not currently accepting connections|not queryable/.test(
    message,
  );
};

export const isTransientDbError = (err: unknown): boolean => {
  const code = pgCode(err);
  return code === SERIALIZATION_FAILURE || code === DEADLOCK;
};
