import { fork, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import { Client } from 'pg';
import { pino } from 'pino';
import { connectDatabase, runMigrations } from '@ticketing/common';

const ROOT = path.resolve(__dirname, '../..');

export interface BarePath {
  url: string;
  databaseUrl: string;
  pids: Record<string, number>;
  stop(): Promise<void>;
}

const freePort = () =>
  new Promise<number>((resolve) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });

function start(args: string[]): Promise<ChildProcess> {
  const child = fork(path.join(__dirname, 'bare.ts'), args, {
    execArgv: ['--import', 'tsx'],
    cwd: ROOT,
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  return new Promise((resolve, reject) => {
    child.once('message', () => resolve(child));
    child.once('exit', (code) => reject(new Error(`bare ${args[0]} exited (${code})`)));
  });
}

/** A scratch database with orders' schema, the bare app on it and the gateway code in front of it. */
export async function startBarePath(adminUrl: string, name: string): Promise<BarePath> {
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database "${name}"`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const databaseUrl = url.toString();
  const database = connectDatabase(databaseUrl, pino({ level: 'warn' }));
  await runMigrations(database, path.join(ROOT, 'orders', 'migrations'), pino({ level: 'warn' }));
  await database.close();
  const [appPort, proxyPort] = [await freePort(), await freePort()];
  const app = await start(['app', String(appPort), databaseUrl]);
  const proxy = await start(['proxy', String(proxyPort), `http://127.0.0.1:${appPort}`]);
  return {
    url: `http://127.0.0.1:${proxyPort}`,
    databaseUrl,
    pids: { 'bare proxy': proxy.pid!, 'bare app': app.pid! },
    async stop() {
      for (const child of [proxy, app]) child.kill('SIGKILL');
      await admin.query(`drop database if exists "${name}" with (force)`);
      await admin.end();
    },
  };
}
