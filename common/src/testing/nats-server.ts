import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { acceptingConnections, freePort } from './processes';
import { waitFor } from './wait-for';

export interface OwnNats {
  url: string;
  /** Stops the server (SIGTERM: a clean shutdown; SIGKILL: a crash) and waits until the port is closed. */
  stop(signal?: 'SIGTERM' | 'SIGKILL'): Promise<void>;
  /** Starts it again on the same port and JetStream store directory. */
  start(): Promise<void>;
  /** Stops it and removes its store. */
  destroy(): Promise<void>;
}

/**
 * A nats-server with JetStream of the test's own, on a free port with its own store directory, so a test
 * can stop or kill it; the machine's shared one must never be touched.
 */
export async function startNatsServer(): Promise<OwnNats> {
  const port = await freePort();
  const storeDir = mkdtempSync(path.join(tmpdir(), 'nats-test-'));
  let server: ChildProcess | undefined;
  const running = () => server !== undefined && server.exitCode === null && server.signalCode === null;
  const own: OwnNats = {
    url: `nats://127.0.0.1:${port}`,
    async start() {
      if (running()) return; // a second one could not bind the port, and would leave this one never killed
      server = spawn(
        process.env.NATS_SERVER_BIN ?? 'nats-server',
        ['-a', '127.0.0.1', '-p', String(port), '-js', '-sd', storeDir],
        { stdio: 'ignore' },
      );
      await waitFor(() => acceptingConnections(port), { timeoutMs: 20_000 });
    },
    async stop(signal = 'SIGTERM') {
      if (!running()) return;
      const exited = new Promise((resolve) => server!.once('exit', resolve));
      server!.kill(signal);
      await exited;
      await waitFor(async () => !(await acceptingConnections(port)));
    },
    async destroy() {
      await own.stop('SIGKILL');
      rmSync(storeDir, { recursive: true, force: true });
    },
  };
  await own.start();
  return own;
}
