import { startOwnServer } from './processes';

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
  const server = await startOwnServer({
    command: process.env.NATS_SERVER_BIN ?? 'nats-server',
    args: (port, storeDir) => ['-a', '127.0.0.1', '-p', String(port), '-js', '-sd', storeDir],
    dirPrefix: 'nats-test-',
    readyTimeoutMs: 20_000,
  });
  return {
    url: `nats://127.0.0.1:${server.port}`,
    stop: (signal = 'SIGTERM') => server.stop(signal),
    start: () => server.start(),
    destroy: () => server.destroy(),
  };
}
