import { z } from 'zod';
import { DEFAULT_FEE_RATES, type FeeRates } from '../money/fees';
import { tracingConfig } from '../tracing/settings';

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

export const appEnv = z.enum(['development', 'test', 'production']);
export type AppEnv = z.infer<typeof appEnv>;

const pem = z
  .string()
  .min(1)
  .transform((value) =>
    value.includes('-----BEGIN')
      ? value.replace(/\\n/g, '\n')
      : Buffer.from(value, 'base64').toString('utf8'),
  )
  .refine((value) => value.includes('-----BEGIN'), 'must be a PEM key (or its base64)');

const feePercent = (fallback: number) =>
  z.coerce
    .number()
    .min(0)
    .max(50)
    .refine((p) => Math.abs(p * 100 - Math.round(p * 100)) < 1e-9, 'must have at most two decimals')
    .default(fallback);

/** A whole number above zero (a count, a limit, a duration), with the value it takes when unset. */
export const positiveInt = (fallback: number) => z.coerce.number().int().positive().default(fallback);

/** Namespaces a service's rate-limit counters in Redis (tests use a unique one per file or run). */
export const rateLimitPrefix = (fallback: string) =>
  z
    .string()
    .regex(/^[\w:-]+$/)
    .default(fallback);

/** Building blocks each service composes into its own schema (`z.object({ ...base, ...database })`). */
export const configParts = {
  base: {
    APP_ENV: appEnv.default('production'),
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    /** Express "trust proxy": which hops may set X-Forwarded-For (the ingress/gateway). */
    TRUST_PROXY: z.string().default('loopback, linklocal, uniquelocal'),
    SHUTDOWN_TIMEOUT_MS: positiveInt(15_000),
    /** OpenTelemetry (OTEL_*): off unless an OTLP endpoint is set; see common/src/tracing. */
    ...tracingConfig,
  },
  database: {
    DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/ }),
    DATABASE_POOL_SIZE: positiveInt(10),
  },
  bus: {
    NATS_URL: z.string().min(1).default('nats://127.0.0.1:4222'),
    NATS_STREAM: z
      .string()
      .regex(/^[A-Za-z0-9_-]+$/)
      .default('TICKETING'),
    /** Prepended to every subject; tests use a unique one per run. Empty in real deployments. */
    NATS_SUBJECT_PREFIX: z
      .string()
      .regex(/^[A-Za-z0-9_-]*$/)
      .default(''),
    /** Non-transient handler failures of one event before it goes to dead_letters (outages never count). */
    BUS_MAX_HANDLER_FAILURES: z.coerce.number().int().min(1).default(5),
    /** An event waiting longer than this for its predecessor is logged at error level and counted. */
    BUS_PREDECESSOR_ALERT_MS: positiveInt(60_000),
    /** Lanes per consumer applying messages in parallel (one aggregate's messages stay in one lane). */
    BUS_CONSUMER_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(4),
    /** JetStream replicas of the stream: 3 on a clustered NATS in production. */
    NATS_STREAM_REPLICAS: z.coerce.number().int().min(1).max(5).default(1),
  },
  /** The platform's fees (see common/src/money/fees.ts): percents of the ticket price, two decimals at most. */
  fees: {
    SERVICE_FEE_PERCENT: feePercent(DEFAULT_FEE_RATES.serviceFeePercent),
    SELLER_FEE_PERCENT: feePercent(DEFAULT_FEE_RATES.sellerFeePercent),
  },
  redis: {
    REDIS_URL: z.url({ protocol: /^rediss?$/ }).default('redis://127.0.0.1:6379'),
  },
  jwtVerify: {
    JWT_PUBLIC_KEY: pem,
  },
  jwtSign: {
    JWT_PRIVATE_KEY: pem,
  },
} as const;

/**
 * Parses the environment once at boot. In APP_ENV=development (and only there) `devDefaults` fill
 * variables that are missing, so a laptop needs no secrets while production without them refuses to start.
 */
export function loadConfig<S extends z.ZodObject>(
  schema: S,
  env: NodeJS.ProcessEnv = process.env,
  devDefaults: Record<string, string> = {},
): z.infer<S> {
  const source = env.APP_ENV === 'development' ? { ...devDefaults, ...stripEmpty(env) } : stripEmpty(env);
  const parsed = schema.safeParse(source);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((issue) => {
    const variable = issue.path.join('.') || '(environment)';
    const missing = issue.code === 'invalid_type' && source[variable] === undefined;
    return `${variable}: ${missing ? 'is required but not set' : issue.message}`;
  });
  throw new ConfigError(problems);
}

function stripEmpty(env: NodeJS.ProcessEnv): Record<string, string> {
  return Object.fromEntries(
    Object.entries(env).filter((e): e is [string, string] => e[1] !== undefined && e[1] !== ''),
  );
}

/** Names of the variables a schema cannot do without (no default, not optional): used by infra checks. */
export function requiredVariables(schema: z.ZodObject): string[] {
  return Object.entries(schema.shape)
    .filter(([, field]) => !(field as z.ZodType).safeParse(undefined).success)
    .map(([name]) => name);
}

/** The fee rates a service configured with `configParts.fees`, as the fee function takes them. */
export const feeRatesOf = (config: {
  SERVICE_FEE_PERCENT: number;
  SELLER_FEE_PERCENT: number;
}): FeeRates => ({
  serviceFeePercent: config.SERVICE_FEE_PERCENT,
  sellerFeePercent: config.SELLER_FEE_PERCENT,
});
