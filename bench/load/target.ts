import { readFileSync } from 'node:fs';
import path from 'node:path';
import globalSetup from '../../e2e/support/global-setup';
import { startPlatform } from '../../e2e/support/platform';
import { devKeys } from '../../platform/src/prepare';

const ROOT = path.resolve(__dirname, '../..');

/** What the bench drives: a platform it started itself, or the one at BASE_URL. */
export interface Target {
  url: string;
  privateKey: string;
  databaseUrl(service: string): string;
  pids(): Record<string, number>;
  stop(): Promise<void>;
}

/**
 * Without BASE_URL: builds and starts the whole platform with the runner, exactly as the e2e suite does
 * (its own ports, databases, stream and rate-limit namespace; removed at the end). With BASE_URL: a
 * running `npm run dev` on this clone (its dev key, databases and pid file).
 */
export async function openTarget(env: NodeJS.ProcessEnv): Promise<Target> {
  const { privateKey } = devKeys(ROOT);
  if (env.BASE_URL) {
    const admin = env.DATABASE_ADMIN_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
    const pidsFile = path.join(ROOT, '.dev', 'run', env.PLATFORM_NAME ?? 'dev', 'pids.json');
    return {
      url: env.BASE_URL.replace(/\/$/, ''),
      privateKey,
      databaseUrl: (service) => {
        const url = new URL(admin);
        url.pathname = `/${env.PLATFORM_DB_PREFIX ?? ''}${service}`;
        return url.toString();
      },
      pids: () => JSON.parse(readFileSync(pidsFile, 'utf8')) as Record<string, number>,
      stop: async () => undefined,
    };
  }
  globalSetup();
  const platform = await startPlatform({
    LOG_LEVEL: env.BENCH_LOG_LEVEL ?? 'info',
    ...(env.PLATFORM_INSTANCES ? { PLATFORM_INSTANCES: env.PLATFORM_INSTANCES } : {}),
  });
  return {
    url: platform.url,
    privateKey,
    databaseUrl: platform.databaseUrl,
    pids: platform.pids,
    stop: platform.stop,
  };
}

/** Resident memory of each process now, in MB (Linux /proc). */
export function residentMb(pids: Record<string, number>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [name, pid] of Object.entries(pids)) {
    try {
      const kb = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
      if (kb) out[name] = Math.round(Number(kb) / 1024);
    } catch {
      // exited meanwhile
    }
  }
  return out;
}

/** CPU seconds (user + system) each process has used so far (Linux /proc; clock ticks of 100 Hz). */
export function cpuSeconds(pids: Record<string, number>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [name, pid] of Object.entries(pids)) {
    try {
      // Fields after the command name, which is in parentheses and may contain spaces.
      const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
      out[name] = (Number(fields[11]) + Number(fields[12])) / 100;
    } catch {
      // exited meanwhile
    }
  }
  return out;
}

/** Milliseconds of CPU per unit of work, per process, between two cpuSeconds readings. */
export function cpuMsPer(before: Record<string, number>, after: Record<string, number>, units: number) {
  return Object.fromEntries(
    Object.keys(after).map((name) => [
      name,
      Math.round((((after[name]! - (before[name] ?? 0)) * 1000) / units) * 100) / 100,
    ]),
  );
}
