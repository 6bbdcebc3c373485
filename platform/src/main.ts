import path from 'node:path';
import { components, hasClient, type Component } from './components';
import { loadPlatformConfig, type PlatformConfig } from './config';
import { createGateway, listenGateway } from './gateway';
import { cross, say, tick } from './output';
import { preflight } from './preflight';
import { devKeys, ensureDatabases, run } from './prepare';
import { readRoutes, resolveRoutes } from './routes';
import { RunDir } from './run-lock';
import { inboxUrl, instancePorts, localUrl, servicePorts, SERVICES } from './service-ports';
import { Supervisor } from './supervisor';

/**
 * `npm run dev`: infrastructure, build, databases, keys, then every component as a child process and the
 * gateway in this one; stops them all on Ctrl-C/SIGTERM. See platform/README.md.
 */
async function main(): Promise<void> {
  const config = loadPlatformConfig();
  const runDir = new RunDir(config.root, config.name);
  const gatewayUrl = `http://localhost:${config.gatewayPort}`;
  const holder = runDir.lock({ pid: process.pid, gatewayUrl, startedAt: new Date().toISOString() });
  if (holder) {
    return fail(
      `the platform "${config.name}" is already running (pid ${holder.pid}, ${holder.gatewayUrl}, since ${holder.startedAt}). ` +
        `Use it, or stop it first (Ctrl-C in its terminal, or kill ${holder.pid}).`,
    );
  }
  const leftovers = await runDir.killLeftovers();
  if (leftovers.length) say(`stopped what a previous run left behind: ${leftovers.join(', ')}`);
  const supervisor = new Supervisor(config.inherited, config.graceSeconds * 1000, (pids) =>
    runDir.writePids(pids),
  );
  let gateway: ReturnType<typeof createGateway> | undefined;
  let stopping = false;
  const stop = async (reason: string, code: number) => {
    if (stopping) return;
    stopping = true;
    say(`${reason}: stopping everything…`);
    gateway?.close();
    gateway?.closeAllConnections();
    await supervisor.stopAll();
    runDir.release();
    say(code === 0 ? tick('stopped') : cross('stopped'));
    process.exit(code);
  };
  process.on('SIGINT', () => void stop('SIGINT', 0));
  process.on('SIGTERM', () => void stop('SIGTERM', 0));
  process.on('SIGHUP', () => void stop('SIGHUP', 0));

  try {
    // Killed leftovers free their ports a moment after they die: give them that moment.
    await preflight(config, leftovers.length ? 10_000 : 0);
    await prepare(config);
    const all = components(config, devKeys(config.root));
    const routes = resolveRoutes(
      readRoutes(path.join(config.root, 'infra/k8s/base/routes.yaml')),
      Object.fromEntries(
        Object.entries(instancePorts(config)).map(([name, ports]) => [name, ports.map(localUrl)]),
      ),
    );
    gateway = createGateway({ routes, onError: (message) => say(`gateway: ${message}`) });
    await listenGateway(gateway, config.gatewayPort);
    say(
      tick(
        `gateway listening on :${config.gatewayPort} (${routes.map((r) => `${r.prefix}→${r.service}${r.targets.length > 1 ? `×${r.targets.length}` : ''}`).join(' ')})`,
      ),
    );
    // The emulator and the mail catcher first (payments and notifications talk to them), then the services,
    // all at once: each waits for its own deps.
    const [emulator, maildev, ...rest] = all;
    await Promise.all([startOne(supervisor, emulator!), startOne(supervisor, maildev!)]);
    await Promise.all(rest.map((component) => startOne(supervisor, component)));
    say(
      config.tracesUrl
        ? tick(`tracing on: every component exports its spans to ${config.tracesUrl}`)
        : 'tracing off (set OTEL_EXPORTER_OTLP_ENDPOINT, e.g. http://localhost:4318, to export spans)',
    );
    say(tick(`Ticketing is ready at ${gatewayUrl}  (Ctrl-C stops everything)`));
    say(tick(`mails it sends are in the inbox at ${inboxUrl(config)}`));
    const ports = servicePorts(config);
    say(
      `Prometheus metrics: ${SERVICES.map((name) => `${localUrl(ports[name]!)}/metrics (${name})`).join(', ')}` +
        ' — a scrape config is in platform/README.md',
    );
    if (!hasClient(config.root)) say('(no client/ yet: / answers 503 until the web client exists)');
  } catch (err) {
    say(cross((err as Error).message));
    await stop('start failed', 1);
  }
}

async function prepare(config: PlatformConfig): Promise<void> {
  const env = { ...config.inherited };
  if (!config.skipInfra) {
    say('… infrastructure (PostgreSQL, NATS JetStream, Redis)');
    await run('infra', 'bash', ['scripts/infra/ensure.sh'], config.root, env);
  }
  if (!config.skipBuild) {
    say('… building (tsc -b)');
    await run('build', 'npx', ['tsc', '-b'], config.root, env);
    if (hasClient(config.root) && !config.skipClient) {
      say('… building the client (next build)');
      await run('client', 'npx', ['--no-install', 'next', 'build'], path.join(config.root, 'client'), env);
    }
  }
  const created = await ensureDatabases(config, SERVICES);
  say(tick(`databases ready${created.length ? ` (created ${created.join(', ')})` : ''}`));
  if (devKeys(config.root).created) say(tick('generated dev-only JWT keys in .dev/keys/'));
}

async function startOne(supervisor: Supervisor, component: Component): Promise<void> {
  const started = Date.now();
  say(`… ${component.name} starting on :${component.port}`);
  await supervisor.start(component);
  say(
    tick(
      `${component.name} ready (${((Date.now() - started) / 1000).toFixed(1)}s, pid ${supervisor.pids()[component.name]})`,
    ),
  );
}

function fail(message: string): void {
  say(cross(message));
  process.exit(1);
}

void main();
