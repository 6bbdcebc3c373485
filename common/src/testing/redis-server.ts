import { startOwnServer } from './processes';

export interface OwnRedis {
  url: string;
  port: number;
  /** SIGKILL: the server vanishes as in a crash; its append-only file keeps every acknowledged write. */
  kill(): Promise<void>;
  /** Starts it again on the same port with the same data (nothing when it is running). */
  start(): Promise<void>;
  /** Kills it and deletes its data. */
  destroy(): Promise<void>;
}

/**
 * A redis-server of the test's own on a free port (the machine's shared one must never be stopped), so
 * that a test can kill it. Persistent as in production (appendonly, fsync always): a restart keeps the
 * queued jobs. Call `destroy` in afterAll.
 */
export async function startRedisServer(): Promise<OwnRedis> {
  const server = await startOwnServer({
    command: process.env.REDIS_SERVER_BIN ?? 'redis-server',
    args: (port, dir) => [
      ...['--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--save', ''],
      ...['--appendonly', 'yes', '--appendfsync', 'always'],
    ],
    dirPrefix: 'redis-',
  });
  return {
    url: `redis://127.0.0.1:${server.port}`,
    port: server.port,
    kill: () => server.stop('SIGKILL'),
    start: () => server.start(),
    destroy: () => server.destroy(),
  };
}
