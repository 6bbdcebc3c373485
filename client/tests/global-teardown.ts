import type { Platform } from '../../e2e/support/platform';

/**
 * Prints what the gateway could not deliver (a failed page or chunk is read best next to the test that met
 * it), then stops the runner (and everything it started) and drops the run's databases and stream.
 */
export default async function globalTeardown(): Promise<void> {
  const platform = (globalThis as { ticketingPlatform?: Platform }).ticketingPlatform;
  const undelivered =
    platform
      ?.output()
      .split('\n')
      .filter((line) => line.includes('gateway: ')) ?? [];
  if (undelivered.length > 0)
    console.warn(`The gateway could not deliver:\n${undelivered.slice(-50).join('\n')}`);
  await platform?.stop();
}
