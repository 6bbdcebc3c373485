import path from 'node:path';

/** Everything the runner takes from its environment (the only reader of process.env here). */
export interface PlatformConfig {
  root: string;
  /** Names this run: its lock and pid files live in .dev/run/<name>/ (e2e runs use unique names). */
  name: string;
  gatewayPort: number;
  /** Client on base, auth base+1 … notifications base+6 (3000 → 3001..3006, as in production). */
  servicePortBase: number;
  emulatorPort: number;
  /** maildev, the local SMTP catcher: notifications sends to its SMTP port; its inbox is a web page. */
  maildevSmtpPort: number;
  maildevWebPort: number;
  databaseAdminUrl: string;
  /** Prepended to every service's database name (e2e: a unique one per run). */
  databasePrefix: string;
  natsUrl: string;
  redisUrl: string;
  logLevel: string;
  /** Where the components export traces (OTLP/HTTP), or null: printed at start, read by each component. */
  tracesUrl: string | null;
  orderTtlSeconds?: string;
  /** Instances of each scaled service (orders, tickets) behind the gateway: PLATFORM_INSTANCES, 1 or 2. */
  instances: number;
  skipInfra: boolean;
  skipBuild: boolean;
  skipClient: boolean;
  /** Seconds between SIGTERM and SIGKILL when stopping a component. */
  graceSeconds: number;
  /** Env every child inherits (the runner's own, minus what is set per component). */
  inherited: NodeJS.ProcessEnv;
}

const port = (raw: string | undefined, fallback: number, name: string): number => {
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1 || value > 65535)
    throw new Error(`${name}="${raw}" is not a port`);
  return value;
};
const instances = (raw: string | undefined): number => {
  if (raw === undefined || raw === '') return 1;
  if (raw !== '1' && raw !== '2') throw new Error(`PLATFORM_INSTANCES="${raw}" must be 1 or 2`);
  return Number(raw);
};
const flag = (raw: string | undefined) => raw === '1' || raw === 'true';

export function loadPlatformConfig(env: NodeJS.ProcessEnv = process.env): PlatformConfig {
  const name = env.PLATFORM_NAME ?? 'dev';
  if (!/^[\w.-]+$/.test(name)) throw new Error(`PLATFORM_NAME="${name}" may only use letters, digits, . _ -`);
  const prefix = env.PLATFORM_DB_PREFIX ?? '';
  if (!/^[a-z0-9_]*$/.test(prefix)) throw new Error(`PLATFORM_DB_PREFIX="${prefix}" may only use a-z 0-9 _`);
  const inherited = { ...env };
  // Set per component; a stray one from the shell must not leak into a child.
  for (const key of ['PORT', 'DATABASE_URL', 'HOST']) delete inherited[key];
  return {
    root: path.resolve(__dirname, '../..'),
    name,
    gatewayPort: port(env.PORT, 8080, 'PORT'),
    servicePortBase: port(env.SERVICE_PORT_BASE, 3000, 'SERVICE_PORT_BASE'),
    emulatorPort: port(env.STRIPE_EMULATOR_PORT, 12111, 'STRIPE_EMULATOR_PORT'),
    maildevSmtpPort: port(env.MAILDEV_SMTP_PORT, 1025, 'MAILDEV_SMTP_PORT'),
    maildevWebPort: port(env.MAILDEV_WEB_PORT, 1080, 'MAILDEV_WEB_PORT'),
    databaseAdminUrl: env.DATABASE_ADMIN_URL || 'postgres://postgres@127.0.0.1:5432/postgres',
    databasePrefix: prefix,
    natsUrl: env.NATS_URL || 'nats://127.0.0.1:4222',
    redisUrl: env.REDIS_URL || 'redis://127.0.0.1:6379',
    logLevel: env.LOG_LEVEL || 'info',
    tracesUrl: tracesUrl(env),
    orderTtlSeconds: env.ORDER_TTL_SECONDS || undefined,
    instances: instances(env.PLATFORM_INSTANCES),
    skipInfra: flag(env.PLATFORM_SKIP_INFRA),
    skipBuild: flag(env.PLATFORM_SKIP_BUILD),
    skipClient: flag(env.PLATFORM_SKIP_CLIENT),
    graceSeconds: Number(env.PLATFORM_GRACE_SECONDS || 10),
    inherited,
  };
}

export const databaseUrl = (config: PlatformConfig, service: string): string => {
  const url = new URL(config.databaseAdminUrl);
  url.pathname = `/${config.databasePrefix}${service}`;
  return url.toString();
};

/** The traces URL the components derive from the standard OTEL_* variables (see common/src/tracing). */
function tracesUrl(env: NodeJS.ProcessEnv): string | null {
  if (env.OTEL_SDK_DISABLED === 'true') return null;
  if (env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT) return env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT;
  const base = env.OTEL_EXPORTER_OTLP_ENDPOINT;
  return base ? `${base.replace(/\/+$/, '')}/v1/traces` : null;
}
