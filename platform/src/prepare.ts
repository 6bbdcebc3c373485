import { spawn } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Client } from 'pg';
import { type Keys } from './components';
import { type PlatformConfig } from './config';
import { componentLine } from './output';

/** Runs a command to completion, its output prefixed; rejects with its exit status. */
export function run(
  label: string,
  command: string,
  args: string[],
  cwd: string,
  env: NodeJS.ProcessEnv,
): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    for (const stream of [child.stdout, child.stderr]) {
      let rest = '';
      stream.on('data', (chunk: Buffer) => {
        const lines = (rest + chunk.toString()).split('\n');
        rest = lines.pop() ?? '';
        for (const line of lines) if (line.trim()) componentLine(label, line, 15);
      });
    }
    child.once('error', reject);
    child.once('exit', (code, signal) =>
      code === 0 ? resolve() : reject(new Error(`${command} ${args.join(' ')} failed (${code ?? signal})`)),
    );
  });
}

/** One database per service, created when missing; each service migrates its own at boot. */
export async function ensureDatabases(
  config: PlatformConfig,
  services: readonly string[],
): Promise<string[]> {
  const client = new Client({ connectionString: config.databaseAdminUrl });
  await client.connect();
  const created: string[] = [];
  try {
    for (const service of services) {
      const name = `${config.databasePrefix}${service}`;
      const { rowCount } = await client.query('select 1 from pg_database where datname = $1', [name]);
      if (rowCount) continue;
      await client.query(`create database "${name}"`).catch((err: { code?: string }) => {
        if (err.code !== '42P04') throw err; // created meanwhile by a concurrent run
      });
      created.push(name);
    }
  } finally {
    await client.end();
  }
  return created;
}

/**
 * Dev-only ES256 keys, made once per clone into .dev/keys (gitignored): auth signs access tokens with
 * the private one, every service verifies with the public one. Never used outside local development.
 */
export function devKeys(root: string): Keys & { created: boolean } {
  const dir = path.join(root, '.dev', 'keys');
  const pub = path.join(dir, 'jwt-public.pem');
  const priv = path.join(dir, 'jwt-private.pem');
  if (existsSync(pub) && existsSync(priv)) {
    return { publicKey: readFileSync(pub, 'utf8'), privateKey: readFileSync(priv, 'utf8'), created: false };
  }
  const keys = generateKeyPairSync('ec', {
    namedCurve: 'P-256',
    publicKeyEncoding: { type: 'spki', format: 'pem' },
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
  });
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  writeFileSync(priv, keys.privateKey, { mode: 0o600 });
  writeFileSync(pub, keys.publicKey);
  return { ...keys, created: true };
}
