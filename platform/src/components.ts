import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { databaseUrl, type PlatformConfig } from './config';
import { instancePorts, localUrl, servicePorts, SERVICES } from './service-ports';

/** Everything the runner starts: one child process each, as in production (`node <svc>/dist/main.js`). */
export interface Component {
  name: string;
  cwd: string;
  command: string;
  args: string[];
  port: number;
  /** Answers 200 when the component can serve: /readyz for services. */
  readyPath: string;
  env: Record<string, string>;
  /** Seconds readiness may take (the client's first start builds Next.js). */
  startTimeoutSeconds: number;
}

export interface Keys {
  publicKey: string;
  privateKey: string;
}

/** Dev-only Stripe values: the emulator's public test key and signing secret (see stripe-emulator/). */
const DEV_STRIPE_SECRET_KEY = 'sk_test_dev_only_emulator';
const DEV_STRIPE_WEBHOOK_SECRET = 'whsec_dev_only_local_emulator';

export const hasClient = (root: string) => existsSync(path.join(root, 'client', 'package.json'));

/**
 * The V8 flags every service runs with, read from the services' image (its `ENV NODE_OPTIONS=` line), so
 * the runner, the e2e suite, the bench and Kubernetes run the same ones. See docs/scaling.md, "Memory".
 */
export function serviceNodeOptions(root: string): string {
  const dockerfile = path.join(root, 'infra/docker/service.Dockerfile');
  const line = /^ENV NODE_OPTIONS="([^"]*)"$/m.exec(readFileSync(dockerfile, 'utf8'));
  if (!line)
    throw new Error(`${dockerfile} has no ENV NODE_OPTIONS="…" line: the runner takes the flags from there`);
  return line[1]!;
}

export function components(config: PlatformConfig, keys: Keys): Component[] {
  const ports = servicePorts(config);
  const nodeOptions = serviceNodeOptions(config.root);
  const gateway = localUrl(config.gatewayPort);
  const emulator: Component = {
    name: 'stripe-emulator',
    cwd: config.root,
    command: process.execPath,
    args: ['stripe-emulator/dist/main.js'],
    port: config.emulatorPort,
    readyPath: '/_emulator/health',
    startTimeoutSeconds: 30,
    env: {
      PORT: String(config.emulatorPort),
      HOST: '127.0.0.1',
      STRIPE_WEBHOOK_URL: `${gateway}/api/payments/webhook`,
      STRIPE_WEBHOOK_SECRET: config.inherited.STRIPE_WEBHOOK_SECRET ?? DEV_STRIPE_WEBHOOK_SECRET,
    },
  };
  // A real SMTP server that keeps every mail and shows them in a web inbox (its REST API at /api/email).
  const maildev: Component = {
    name: 'maildev',
    cwd: config.root,
    command: process.execPath,
    args: [
      'node_modules/maildev/dist/bin/maildev.js',
      ...['--smtp', String(config.maildevSmtpPort), '--web', String(config.maildevWebPort)],
      ...['--ip', '127.0.0.1', '--web-ip', '127.0.0.1'],
      // In the run's own directory: kept while the platform runs, gone with it (e2e runs leave nothing).
      ...['--mail-directory', path.join(config.root, '.dev', 'run', config.name, 'mail')],
    ],
    port: config.maildevWebPort,
    readyPath: '/api/healthz',
    startTimeoutSeconds: 30,
    env: {},
  };
  const service = (name: string, instance: number, port: number): Component => ({
    name: instance === 1 ? name : `${name}-${instance}`,
    cwd: config.root,
    command: process.execPath,
    args: [`${name}/dist/main.js`],
    port,
    readyPath: '/readyz',
    startTimeoutSeconds: 60,
    env: {
      APP_ENV: 'development',
      NODE_OPTIONS: nodeOptions,
      PORT: String(port),
      // One name per process, whatever the shell exports (tracing is on when OTEL_EXPORTER_OTLP_ENDPOINT is).
      OTEL_SERVICE_NAME: name,
      LOG_LEVEL: config.logLevel,
      DATABASE_URL: databaseUrl(config, name),
      NATS_URL: config.natsUrl,
      REDIS_URL: config.redisUrl,
      JWT_PUBLIC_KEY: keys.publicKey,
      ...(name === 'auth' ? { JWT_PRIVATE_KEY: keys.privateKey } : {}),
      ...(name === 'orders' && config.orderTtlSeconds ? { ORDER_TTL_SECONDS: config.orderTtlSeconds } : {}),
      ...(name === 'notifications'
        ? {
            SMTP_URL: `smtp://127.0.0.1:${config.maildevSmtpPort}`,
            PUBLIC_URL: `http://localhost:${config.gatewayPort}`,
          }
        : {}),
      ...(name === 'payments'
        ? {
            STRIPE_API_URL: localUrl(config.emulatorPort),
            STRIPE_SECRET_KEY: DEV_STRIPE_SECRET_KEY,
            STRIPE_WEBHOOK_SECRET: emulator.env.STRIPE_WEBHOOK_SECRET!,
          }
        : {}),
    },
  });
  const services = SERVICES.flatMap((name) =>
    instancePorts(config)[name]!.map((port, i) => service(name, i + 1, port)),
  );
  const all = [emulator, maildev, ...services];
  if (hasClient(config.root) && !config.skipClient) {
    all.push({
      name: 'client',
      cwd: path.join(config.root, 'client'),
      command: 'npx',
      // Kept-alive connections outlive the gateway's reuse of them, as the services' do (common/src/http/server.ts).
      args: ['--no-install', 'next', 'start', '-p', String(ports.client), '--keepAliveTimeout', '65000'],
      port: ports.client!,
      readyPath: '/',
      startTimeoutSeconds: 60,
      env: {
        NODE_ENV: 'production',
        PORT: String(ports.client),
        OTEL_SERVICE_NAME: 'client',
        // Server-side rendering calls the API through the gateway, so it routes as in the cluster.
        API_URL: gateway,
        AUTH_URL: gateway,
      },
    });
  }
  return all;
}
