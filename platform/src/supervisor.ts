import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { backoffDelay } from '@ticketing/common/backoff';
import { type Component } from './components';
import { componentLine, say } from './output';
import { localUrl } from './service-ports';

interface Running {
  component: Component;
  child: ChildProcess;
  exited: Promise<void>;
  stopping: boolean;
  restarts: number[];
}

const MAX_RESTARTS_PER_MINUTE = 5;
/** Wait before restarting a component that exited: a crash loop slows down instead of spinning. */
const RESTART_BACKOFF = { baseMs: 250, maxMs: 5_000 };
const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Is anything of this process group still alive? */
const groupAlive = (pid: number) => {
  try {
    process.kill(-pid, 0);
    return true;
  } catch {
    return false;
  }
};

/**
 * Starts components as child processes, each the leader of its own process group (so a stop reaches
 * everything it spawned, and a terminal's Ctrl-C reaches only the runner, which stops them in order).
 * A component that dies after it was ready is restarted, as Kubernetes restarts a pod; `onChange` sees
 * every new pid.
 */
export class Supervisor {
  private readonly running = new Map<string, Running>();
  private shuttingDown = false;

  constructor(
    private readonly baseEnv: NodeJS.ProcessEnv,
    private readonly graceMs: number,
    private readonly onChange: (pids: Record<string, number>) => void,
    private readonly width = 15,
  ) {}

  pids(): Record<string, number> {
    return Object.fromEntries([...this.running].map(([name, r]) => [name, r.child.pid ?? 0]));
  }

  /** Spawns and waits until the component answers its readiness path; rejects if it exits first. */
  async start(component: Component, restarts: number[] = []): Promise<void> {
    const child = spawn(component.command, component.args, {
      cwd: component.cwd,
      env: { ...this.baseEnv, ...component.env },
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    for (const stream of [child.stdout, child.stderr]) {
      createInterface({ input: stream! }).on('line', (line) =>
        componentLine(component.name, line, this.width),
      );
    }
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    const entry: Running = { component, child, exited, stopping: false, restarts };
    this.running.set(component.name, entry);
    this.onChange(this.pids());
    child.once('exit', (code, signal) => void this.exited(entry, code, signal));
    await this.waitReady(entry);
  }

  private async waitReady({ component, child }: Running): Promise<void> {
    const url = `${localUrl(component.port)}${component.readyPath}`;
    const deadline = Date.now() + component.startTimeoutSeconds * 1000;
    while (Date.now() < deadline) {
      if (child.exitCode !== null || child.signalCode !== null) {
        throw new Error(
          `${component.name} exited (${child.exitCode ?? child.signalCode}) before it was ready`,
        );
      }
      const ok = await fetch(url, { signal: AbortSignal.timeout(1000) }).then(
        (res) => res.ok,
        () => false,
      );
      if (ok && this.running.get(component.name)?.child === child) return;
      await delay(200);
    }
    throw new Error(`${component.name} was not ready at ${url} within ${component.startTimeoutSeconds}s`);
  }

  private async exited(entry: Running, code: number | null, signal: NodeJS.Signals | null): Promise<void> {
    // Whatever it left behind in its group goes with it.
    if (entry.child.pid && groupAlive(entry.child.pid)) process.kill(-entry.child.pid, 'SIGKILL');
    if (entry.stopping || this.shuttingDown || this.running.get(entry.component.name) !== entry) return;
    const now = Date.now();
    const recent = [...entry.restarts.filter((t) => now - t < 60_000), now];
    const { name } = entry.component;
    if (recent.length > MAX_RESTARTS_PER_MINUTE) {
      say(`${name} exited (${code ?? signal}) ${recent.length} times within a minute; not restarting it`);
      return;
    }
    say(`${name} exited (${code ?? signal}); restarting it`);
    await delay(backoffDelay(recent.length, RESTART_BACKOFF));
    if (this.shuttingDown) return;
    try {
      await this.start(entry.component, recent);
      say(`${name} is ready again (pid ${this.running.get(name)?.child.pid})`);
    } catch (err) {
      say(`${name} did not come back: ${(err as Error).message}`);
    }
  }

  /** SIGTERM to every group, SIGKILL to what is left after the grace period. */
  async stopAll(): Promise<void> {
    this.shuttingDown = true;
    await Promise.all([...this.running.values()].map((entry) => this.stop(entry)));
    this.running.clear();
    this.onChange({});
  }

  private async stop(entry: Running): Promise<void> {
    entry.stopping = true;
    const pid = entry.child.pid;
    if (!pid || !groupAlive(pid)) return;
    process.kill(-pid, 'SIGTERM');
    const timer = delay(this.graceMs).then(() => 'timeout' as const);
    if ((await Promise.race([entry.exited, timer])) === 'timeout') {
      say(`${entry.component.name} did not stop within ${this.graceMs / 1000}s; killing it`);
    }
    if (groupAlive(pid)) process.kill(-pid, 'SIGKILL');
    await entry.exited;
  }
}
