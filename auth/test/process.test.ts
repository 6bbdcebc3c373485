import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import {
  createTestDatabase,
  deleteStream,
  testKeys,
  testServers,
  uniqueBusOptions,
  uniqueSuffix,
  waitFor,
  type TestDatabase,
} from '@ticketing/common/testing';
import { Browser, newUser } from './support';

// auth as its own process, started the way the platform starts it, with every log line captured.
const root = path.resolve(__dirname, '..');
let database: TestDatabase;
let child: ChildProcess;
const lines: string[] = [];
let exited: Promise<number | null>;
// Its own stream and subjects: the process publishes user.registered like the deployed one.
const bus = uniqueBusOptions();

beforeAll(async () => {
  database = await createTestDatabase('auth_process');
  child = spawn(
    path.resolve(root, '../node_modules/.bin/tsx'),
    ['--tsconfig', '../tsconfig.check.json', 'src/main.ts'],
    {
      cwd: root,
      env: {
        ...process.env,
        APP_ENV: 'test',
        PORT: '0',
        LOG_LEVEL: 'trace',
        DATABASE_URL: database.url,
        REDIS_URL: testServers.redisUrl,
        NATS_URL: testServers.natsUrl,
        NATS_STREAM: bus.stream,
        NATS_SUBJECT_PREFIX: bus.subjectPrefix,
        JWT_PUBLIC_KEY: testKeys().publicKey,
        JWT_PRIVATE_KEY: testKeys().privateKey,
        RATE_LIMIT_PREFIX: `auth-test-${uniqueSuffix()}`,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let buffered = '';
  child.stdout!.on('data', (chunk: Buffer) => {
    buffered += chunk.toString();
    const complete = buffered.split('\n');
    buffered = complete.pop()!;
    lines.push(...complete);
  });
  child.stderr!.on('data', (chunk: Buffer) => lines.push(chunk.toString()));
  exited = new Promise((resolve) => child.once('exit', (code) => resolve(code)));
}, 60_000);

afterAll(async () => {
  if (child.exitCode === null) child.kill('SIGKILL');
  await deleteStream(bus.url, bus.stream);
  await database.drop();
});

/** The JSON log lines (anything else, e.g. a stack trace on stderr, stays in `lines`). */
const logged = () =>
  lines.flatMap((line) => {
    try {
      return [JSON.parse(line) as Record<string, unknown>];
    } catch {
      return [];
    }
  });

test('when started as a process, it gets ready, never logs a password, and exits 0 on SIGTERM', async () => {
  const ready = await waitFor(() => logged().find((l) => l.msg === 'auth ready'), { timeoutMs: 45_000 });
  const baseUrl = `http://127.0.0.1:${String(ready.port)}`;
  expect((await fetch(`${baseUrl}/readyz`)).status).toBe(200);

  const user = newUser('process');
  const browser = await new Browser(baseUrl).open();
  expect((await browser.post('/api/users/signup', user)).status).toBe(201);
  const wrongPassword = `${user.password}-wrong`;
  expect(
    (await browser.post('/api/users/signin', { email: user.email, password: wrongPassword })).status,
  ).toBe(401);
  expect((await browser.post('/api/users/signin', user)).status).toBe(200);

  const failure = await waitFor(() => logged().find((l) => l.msg === 'sign-in failed'));
  expect(failure).toEqual(expect.objectContaining({ email: user.email, reason: 'wrong_password' }));
  await waitFor(
    () => logged().filter((l) => (l.res as { statusCode?: number })?.statusCode === 200).length > 0,
  );
  const everything = lines.join('\n');
  expect(everything).not.toContain(user.password);
  expect(everything).not.toContain(wrongPassword);

  child.kill('SIGTERM');
  expect(await exited).toBe(0);
  expect(logged().map((l) => l.msg)).toContain('stopped');
}, 60_000);
