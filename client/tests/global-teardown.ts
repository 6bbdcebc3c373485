import type { Platform } from '../../e2e/support/platform';

/** Stops the runner (and everything it started), drops the run's databases and stream. */
export default async function globalTeardown(): Promise<void> {
  await (globalThis as { ticketingPlatform?: Platform }).ticketingPlatform?.stop();
}
