/** The only reader of process.env in the emulator. */

/** Signing secret used when STRIPE_WEBHOOK_SECRET is unset: public, so local development only. */
export const DEV_WEBHOOK_SECRET = 'whsec_dev_only_local_emulator';

export interface EmulatorConfig {
  port: number;
  host: string;
  webhookUrl: string | undefined;
  webhookSecret: string;
  webhookSecretIsDevDefault: boolean;
  enabledEvents: string[];
}

export class ConfigError extends Error {
  constructor(variable: string, problem: string) {
    super(`Invalid environment variable ${variable}: ${problem}`);
  }
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): EmulatorConfig {
  const value = (name: string) => (env[name]?.trim() ? env[name].trim() : undefined);
  const secret = value('STRIPE_WEBHOOK_SECRET');
  if (secret !== undefined && !secret.startsWith('whsec_')) {
    throw new ConfigError('STRIPE_WEBHOOK_SECRET', 'a Stripe signing secret starts with "whsec_"');
  }
  return {
    port: parsePort(value('PORT')),
    host: value('HOST') ?? '127.0.0.1',
    webhookUrl: parseUrl(value('STRIPE_WEBHOOK_URL')),
    webhookSecret: secret ?? DEV_WEBHOOK_SECRET,
    webhookSecretIsDevDefault: secret === undefined,
    enabledEvents: (value('STRIPE_WEBHOOK_EVENTS') ?? '*')
      .split(',')
      .map((type) => type.trim())
      .filter(Boolean),
  };
}

function parsePort(raw: string | undefined): number {
  if (raw === undefined) return 12111;
  const port = Number(raw);
  if (!/^\d+$/.test(raw) || port > 65535)
    throw new ConfigError('PORT', `"${raw}" is not a port number (0-65535)`);
  return port;
}

function parseUrl(raw: string | undefined): string | undefined {
  if (raw === undefined) return undefined;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError('STRIPE_WEBHOOK_URL', `"${raw}" is not a URL`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new ConfigError('STRIPE_WEBHOOK_URL', 'only http and https URLs are supported');
  }
  return url.toString();
}
