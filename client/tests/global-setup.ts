import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { startPlatform } from '../../e2e/support/platform';
import { ACCESS_TOKEN_TTL_SECONDS, ORDER_TTL_SECONDS } from './settings';

const ROOT = path.resolve(__dirname, '../..');

/**
 * Builds the services, the runner and the client, then starts the real platform on spare ports with its
 * own databases, stream and prefixes (the e2e suite's helper), the client included.
 */
export default async function globalSetup(): Promise<void> {
  execFileSync('npx', ['tsc', '-b', 'tsconfig.json', 'platform'], { cwd: ROOT, stdio: 'inherit' });
  if (process.env.CLIENT_SKIP_BUILD !== '1') {
    execFileSync('npx', ['--no-install', 'next', 'build'], {
      cwd: path.join(ROOT, 'client'),
      stdio: 'inherit',
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' },
    });
  }
  const platform = await startPlatform({
    PLATFORM_SKIP_CLIENT: '0',
    ORDER_TTL_SECONDS: String(ORDER_TTL_SECONDS),
    ACCESS_TOKEN_TTL_SECONDS: String(ACCESS_TOKEN_TTL_SECONDS),
    NEXT_TELEMETRY_DISABLED: '1',
  });
  process.env.TICKETING_URL = platform.url;
  process.env.TICKETING_INBOX_URL = platform.inboxUrl;
  process.env.TICKETING_AUTH_DB = platform.databaseUrl('auth');
  (globalThis as { ticketingPlatform?: typeof platform }).ticketingPlatform = platform;
}
