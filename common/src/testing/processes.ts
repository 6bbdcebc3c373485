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

/** A server process of the test's own, on its own port with its own data directory. */
export interface OwnServer {
  port: number;
  /** Starts it on the same port and data directory, and waits until it accepts connections. */
  start(): Promise<void>;
  /** Sends `signal` and waits until the process has exited and its port is closed. */
  stop(signal: 'SIGTERM' | 'SIGKILL'): Promise<void>;
  /** Kills it and deletes its data directory. */
  destroy(): Promise<void>;
}

/**
 * Starts `command` with `args(port, dataDir)` on a free port and a new temporary directory, so that a
 * test can stop, kill and restart a server of its own; the machine's shared servers are never touched.
 * Call `destroy` in afterAll.
 */
export async function startOwnServer(options: {
  command: string;
  args: (port: number, dataDir: string) => string[];
  /** The temporary data directory's prefix (`nats-test-`), to tell leftovers apart. */
  dirPrefix: string;
  readyTimeoutMs?: number;
}): Promise<OwnServer> {
  const port = await freePort();
  const dataDir = mkdtempSync(path.join(tmpdir(), options.dirPrefix));
  let server: ChildProcess | undefined;
  const running = () => server !== undefined && server.exitCode === null && server.signalCode === null;
  const own: OwnServer = {
    port,
    async start() {
      if (running()) return; // a second one could not bind the port, and would leave this one never killed
      server = spawn(options.command, options.args(port, dataDir), { stdio: 'ignore' });
      await waitFor(() => acceptingConnections(port), { timeoutMs: options.readyTimeoutMs });
    },
    async stop(signal) {
      if (!running()) return;
      const exited = new Promise((resolve) => server!.once('exit', resolve));
      server!.kill(signal);
      await exited;
      await waitFor(async () => !(await acceptingConnections(port)));
    },
    async destroy() {
      await own.stop('SIGKILL');
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
  await own.start();
  return own;
}
