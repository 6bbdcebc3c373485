import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { Client } from 'pg';
import { deleteStream, EventRecorder, testServers, waitFor } from '@ticketing/common/testing';
import { ApiClient } from '../../platform/src/api-client';

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

// On every address, as the services listen (`::`), not only on loopback.
const free = (port: number) =>
  new Promise<boolean>((resolve) => {
    const server = net.createServer().once('error', () => resolve(false));
    server.listen(port, () => server.close(() => resolve(true)));
  });

/**
 * Seven consecutive free ports (client, auth … notifications), the gateway's, the emulator's and maildev's,
 * and two for the second instances of orders and tickets (PLATFORM_INSTANCES=2).
 */
async function sparePorts() {
  for (;;) {
    // Below Linux's ephemeral range (32768–60999): an outgoing connection's local port can take a port
    // between this check and the service's listen, which failed a run with EADDRINUSE.
    const base = 20_000 + Math.floor(Math.random() * 600) * 20;
    const all = Array.from({ length: 13 }, (_, i) => base + i);
    if ((await Promise.all(all.map(free))).every(Boolean))
      return { base, gateway: base + 7, emulator: base + 8, smtp: base + 9, inbox: base + 10 };
  }
}

export async function startPlatform(env: Record<string, string> = {}): Promise<Platform> {
  const id = `${Date.now().toString(36)}${randomBytes(3).toString('hex')}`;
  const ports = await sparePorts();
  const name = `e2e-${id}`;
  const stream = `E2E_${id}`;
  const prefix = `e2e${id}`;
  const runEnv = {
    ...process.env,
    DATABASE_ADMIN_URL: testServers.adminDatabaseUrl,
    NATS_URL: testServers.natsUrl,
    REDIS_URL: testServers.redisUrl,
    PLATFORM_NAME: name,
    PORT: String(ports.gateway),
    SERVICE_PORT_BASE: String(ports.base),
    STRIPE_EMULATOR_PORT: String(ports.emulator),
    MAILDEV_SMTP_PORT: String(ports.smtp),
    MAILDEV_WEB_PORT: String(ports.inbox),
    PLATFORM_DB_PREFIX: `e2e_${id}_`,
    PLATFORM_SKIP_BUILD: '1', // global-setup built once
    PLATFORM_SKIP_CLIENT: '1',
    PLATFORM_GRACE_SECONDS: '5',
    NATS_STREAM: stream,
    NATS_SUBJECT_PREFIX: prefix,
    EXPIRATION_QUEUE_PREFIX: `e2e-${id}`,
    RATE_LIMIT_PREFIX: `e2e-${id}`,
    // Many users from one address within seconds: not what these journeys are about.
    SIGNUP_IP_LIMIT_PER_HOUR: '10000',
    SIGNIN_IP_LIMIT_PER_MINUTE: '10000',
    EMAIL_VERIFICATION_IP_LIMIT_PER_HOUR: '10000',
    LOG_LEVEL: process.env.E2E_LOG_LEVEL ?? 'warn',
    ...env,
  };
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
    await dropDatabases(`e2e_${id}_`);
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
    admin.pathname = `/e2e_${id}_${service}`;
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

const alive = (pid: number) => {
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
