import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';

export interface LockInfo {
  pid: number;
  gatewayUrl: string;
  startedAt: string;
}

/** Alive and not a zombie (a dead process its parent has not reaped yet still answers kill 0). */
const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return true; // no /proc (macOS): trust kill 0
  }
};

export const portInUse = (port: number): Promise<boolean> =>
  new Promise((resolve) => {
    const socket = net.connect({ port, host: '127.0.0.1' });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });

/**
 * .dev/run/<name>/: lock.json (who runs, where) and pids.json (every component's current pid, rewritten
 * on each restart — the e2e suite reads it to kill a service mid-journey).
 */
export class RunDir {
  readonly dir: string;

  constructor(root: string, name: string) {
    this.dir = path.join(root, '.dev', 'run', name);
  }

  private file = (name: string) => path.join(this.dir, name);

  /** The run that holds the lock, if its process is still alive (a stale lock is taken over). */
  holder(): LockInfo | undefined {
    if (!existsSync(this.file('lock.json'))) return undefined;
    try {
      const info = JSON.parse(readFileSync(this.file('lock.json'), 'utf8')) as LockInfo;
      return info.pid !== process.pid && alive(info.pid) ? info : undefined;
    } catch {
      return undefined;
    }
  }

  /**
   * Components a run that died without stopping them (SIGKILL, a crash) left behind: killed, so their
   * ports are free again. Only processes that are still one of ours (same command line) are touched.
   */
  async killLeftovers(): Promise<string[]> {
    const file = this.file('pids.json');
    if (!existsSync(file)) return [];
    const killed: string[] = [];
    const gone: number[] = [];
    const pids = JSON.parse(readFileSync(file, 'utf8')) as Record<string, number>;
    for (const [name, pid] of Object.entries(pids)) {
      if (name === 'runner' || !alive(pid)) continue;
      const cmdline = existsSync(`/proc/${pid}/cmdline`) ? readFileSync(`/proc/${pid}/cmdline`, 'utf8') : '';
      if (!/dist\/main\.js|next/.test(cmdline)) continue;
      try {
        process.kill(-pid, 'SIGKILL');
        killed.push(`${name} (${pid})`);
        gone.push(pid);
      } catch {
        // gone meanwhile
      }
    }
    rmSync(file, { force: true });
    // A killed process frees its port only once it is gone.
    const deadline = Date.now() + 5000;
    while (gone.some(alive) && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    return killed;
  }

  /** Takes the lock, atomically unless a dead run left it behind; returns the live holder otherwise. */
  lock(info: LockInfo): LockInfo | undefined {
    mkdirSync(this.dir, { recursive: true });
    const text = JSON.stringify(info, null, 2);
    try {
      writeFileSync(this.file('lock.json'), text, { flag: 'wx' });
    } catch {
      const holder = this.holder();
      if (holder) return holder;
      writeFileSync(this.file('lock.json'), text);
    }
    return undefined;
  }

  writePids(pids: Record<string, number>): void {
    mkdirSync(this.dir, { recursive: true });
    writeFileSync(this.file('pids.json'), JSON.stringify({ runner: process.pid, ...pids }, null, 2));
  }

  release(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}
