import { spawn } from 'node:child_process';
import path from 'node:path';
import { createTestDatabase, type TestDatabase } from '../src/testing';

let database: TestDatabase;
beforeAll(async () => (database = await createTestDatabase('fatal')));
afterAll(() => database.drop());

function runFatalService(fail: 'rejection' | 'exception') {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', path.join(__dirname, 'fixtures', 'fatal-service.ts')],
    { env: { ...process.env, FAIL: fail, DATABASE_URL: database.url }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return new Promise<{ code: number | null; lines: string[] }>((resolve) =>
    child.on('exit', (code) => resolve({ code, lines: output.split('\n') })),
  );
}

test.each([
  ['rejection', 'unhandledRejection', 'boom: a rejected promise nobody awaited'],
  ['exception', 'uncaughtException', 'boom: thrown in a timer'],
] as const)(
  'when a running service has an unhandled %s, then it logs it as fatal, shuts down and exits 1',
  async (fail, kind, message) => {
    const { code, lines } = await runFatalService(fail);

    expect(code).toBe(1);
    const fatal = lines.findIndex((line) => line.includes(`"kind":"${kind}"`));
    expect(fatal).toBeGreaterThanOrEqual(0);
    expect(JSON.parse(lines[fatal]!)).toMatchObject({ level: 60, err: { message } });
    // The graceful shutdown ran after the error, the service's own closeable among its parts. Ordered by
    // the lines' times: the logger writes asynchronously, and at exit what it still buffers is written
    // synchronously while its last asynchronous write may still be under way, so the order of the lines
    // on the pipe is not the order they were logged in.
    const logged = (msg: string) =>
      lines
        .filter((line) => line.startsWith('{'))
        .map((line) => JSON.parse(line) as { msg: string; time: number })
        .find((line) => line.msg === msg);
    expect(logged('shutting down')?.time).toBeGreaterThanOrEqual(JSON.parse(lines[fatal]!).time);
    expect(logged('stopped')).toBeDefined();
    expect(lines).toContain('probe closed');
  },
);
