import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Client } from 'pg';
import { deleteStream, EventRecorder, forThisFile, testServers, waitFor } from '@ticketing/common/testing';
import { ApiClient } from '../../platform/src/api-client';
import { isolatedRun } from './isolated-run';

const ROOT = path.resolve(__dirname, '../..');
const SERVICES = ['auth', 'tickets', 'orders', 'payments', 'expiration', 'notifications'];

/** A platform started by the real runner for one test file, isolated from any other run on the machine. */
export interface Platform {
  url: string;
  /** This run's maildev: every mail the platform sent, through its REST API (`/api/email`). */
  inboxUrl: string;
  /** A service's database on this run (a test may promote a user to admin, as the make-admin CLI does). */
  databaseUrl(service: string): string;
  client(): ApiClient;
  /** Every event published on this run's subjects (de-duplicate by envelope id). */
  recorder: EventRecorder;
  /** Current pid of each component, from the runner's .dev/run/<name>/pids.json (changes on restart). */
  pids(): Record<string, number>;
  output(): string;
  stop(): Promise<void>;
}

export async function startPlatform(env: Record<string, string> = {}): Promise<Platform> {
  const { name, stream, prefix, databasePrefix, ports, env: runEnv } = await isolatedRun(env);
  const recorder = await EventRecorder.start(testServers.natsUrl, prefix);
  let output = '';
  const runner: ChildProcess = spawn(process.execPath, ['platform/dist/main.js'], {
    cwd: ROOT,
    env: runEnv,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<number | null>((resolve) => runner.once('exit', (code) => resolve(code)));
  runner.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  runner.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  if (process.env.E2E_SHOW_OUTPUT) runner.stdout!.pipe(process.stdout);

  const pidsFile = path.join(ROOT, '.dev', 'run', name, 'pids.json');
  const pids = () => JSON.parse(readFileSync(pidsFile, 'utf8')) as Record<string, number>;
  const stop = async () => {
    const known = Object.values(safe(pids));
    runner.kill('SIGTERM');
    await exited;
    for (const pid of known) if (alive(pid)) process.kill(pid, 'SIGKILL'); // never leave one behind
    await recorder.close();
    await deleteStream(testServers.natsUrl, stream);
    await dropDatabases(databasePrefix);
  };
  try {
    await waitFor(() => output.includes('Ticketing is ready at') || runner.exitCode !== null, {
      timeoutMs: 120_000,
      intervalMs: 100,
    });
    if (runner.exitCode !== null) throw new Error(`the platform runner exited (${runner.exitCode})`);
  } catch (err) {
    await stop().catch(() => undefined);
    throw new Error(`${(err as Error).message}\n--- runner output ---\n${output.slice(-4000)}`, {
      cause: err,
    });
  }
  const url = `http://127.0.0.1:${ports.gateway}`;
  const databaseUrl = (service: string) => {
    const admin = new URL(testServers.adminDatabaseUrl);
    admin.pathname = `/${databasePrefix}${service}`;
    return admin.toString();
  };
  const inboxUrl = `http://127.0.0.1:${ports.inbox}`;
  return {
    url,
    inboxUrl,
    client: () => new ApiClient(url),
    recorder,
    pids,
    databaseUrl,
    output: () => output,
    stop,
  };
}

/**
 * The platform this test file runs against (see forThisFile): started before its tests with `env`, or
 * with what `env()` gives then (once something it names has started), and stopped after them.
 */
export const platformForThisFile = (env: Record<string, string> | (() => Record<string, string>) = {}) =>
  forThisFile(
    async () => {
      const platform = await startPlatform(typeof env === 'function' ? env() : env);
      return { ...platform, close: platform.stop };
    },
    { timeoutMs: 150_000 },
  );

/** Whether a process of this id is running (signal 0 only asks). */
export const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};
const safe = (read: () => Record<string, number>) => {
  try {
    return read();
  } catch {
    return {};
  }
};

async function dropDatabases(prefix: string): Promise<void> {
  const client = new Client({ connectionString: testServers.adminDatabaseUrl });
  await client.connect();
  try {
    for (const service of SERVICES)
      await client.query(`drop database if exists "${prefix}${service}" with (force)`);
  } finally {
    await client.end();
  }
}
