import { spawn, type ChildProcess } from 'node:child_process';
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
  /** SIGKILL: the server vanishes as in a crash (no persistence: it comes back empty unless `start`ed with data). */
  kill(): Promise<void>;
  /** Starts it again on the same port. */
  start(): Promise<void>;
}

/**
 * A redis-server of the test's own on a free port (the machine's shared one must never be stopped), with
 * persistence off, so that a test can kill it. Call `kill` in afterAll.
 */
export async function startRedisServer(): Promise<OwnRedis> {
  const port = await freePort();
  let server: ChildProcess | undefined;
  const own: OwnRedis = {
    url: `redis://127.0.0.1:${port}`,
    port,
    async start() {
      server = spawn(
        process.env.REDIS_SERVER_BIN ?? 'redis-server',
        ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
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
  };
  await own.start();
  return own;
}
