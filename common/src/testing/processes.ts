import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createServer, Socket } from 'node:net';
import { waitFor } from './wait-for';

/** A TCP port nobody listens on right now (for a server a test starts itself). */
export const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const probe = createServer()
      .once('error', reject)
      .listen(0, '127.0.0.1', () => {
        const { port } = probe.address() as { port: number };
        probe.close(() => resolve(port));
      });
  });

/** Does something accept TCP connections on this local port? */
export const acceptingConnections = (port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = new Socket()
      .once('connect', () => resolve(true))
      .once('error', () => resolve(false))
      .connect(port, '127.0.0.1');
    socket.unref();
    setTimeout(() => socket.destroy(), 200).unref();
  });

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
  const port = await freePort();
  const dir = mkdtempSync(path.join(tmpdir(), 'redis-'));
  let server: ChildProcess | undefined;
  const own: OwnRedis = {
    url: `redis://127.0.0.1:${port}`,
    port,
    async start() {
      // Already running: a second one could not bind the port, and would leave this one never killed.
      if (server && server.exitCode === null && server.signalCode === null) return;
      server = spawn(
        process.env.REDIS_SERVER_BIN ?? 'redis-server',
        ['--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--save', ''].concat([
          '--appendonly',
          'yes',
          '--appendfsync',
          'always',
        ]),
        { stdio: 'ignore' },
      );
      await waitFor(() => acceptingConnections(port));
    },
    async kill() {
      if (!server || server.exitCode !== null || server.signalCode !== null) return;
      const exited = new Promise((resolve) => server!.once('exit', resolve));
      server.kill('SIGKILL');
      await exited;
    },
    async destroy() {
      await own.kill();
      rmSync(dir, { recursive: true, force: true });
    },
  };
  await own.start();
  return own;
}
