import { spawn, type ChildProcess } from 'node:child_process';
import { Bus, createLogger, natsServer } from '../src';
import { acceptingConnections, freePort, uniqueBusOptions, waitFor } from '../src/testing';

// Production NATS requires a user and password; this test runs its own nats-server with them on a spare
// port (the machine's shared server has no authentication and must not be reconfigured).
const logger = createLogger('test', 'silent');
let port: number;
let server: ChildProcess;

const accepting = () => acceptingConnections(port);

beforeAll(async () => {
  port = await freePort();
  server = spawn(
    process.env.NATS_SERVER_BIN ?? 'nats-server',
    ['-a', '127.0.0.1', '-p', String(port), '-js', '--user', 'ticketing', '--pass', 'p@ss:word'],
    { stdio: 'ignore' },
  );
  await waitFor(accepting);
});

afterAll(async () => {
  const exited = new Promise((resolve) => server.once('exit', resolve));
  server.kill('SIGTERM');
  await exited;
});

describe('NATS credentials in NATS_URL', () => {
  it('when the URL has user and password, then they become the client options and leave the URL', () => {
    expect(natsServer('nats://ticketing:p%40ss%3Aword@nats:4222')).toEqual({
      servers: 'nats://nats:4222',
      user: 'ticketing',
      pass: 'p@ss:word',
    });
    expect(natsServer('nats://127.0.0.1:4222')).toEqual({ servers: 'nats://127.0.0.1:4222' });
  });

  it('when a server requires authentication, then the bus connects with the credentials of its URL', async () => {
    const options = uniqueBusOptions({ url: `nats://ticketing:p%40ss%3Aword@127.0.0.1:${port}` });
    const bus = await Bus.connect(options, logger);
    try {
      await bus.ensureStream();
      expect(bus.nc.isClosed()).toBe(false);
    } finally {
      await bus.close();
    }
  });
});
