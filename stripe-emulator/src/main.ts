/**
 * DEV/TEST ONLY: starts the local Stripe emulator from the environment (see README.md).
 * It imitates Stripe for local development and tests; it is not a payment provider.
 */
import { createEmulator } from './app';
import { loadConfig } from './config';
import { createLogger } from './logger';

async function main(): Promise<void> {
  const logger = createLogger();
  const config = loadConfig();
  logger.warn(
    'This is the Ticketing Stripe emulator: for local development and tests only, never production.',
  );
  if (config.webhookSecretIsDevDefault) {
    logger.warn(
      { secret: config.webhookSecret },
      'STRIPE_WEBHOOK_SECRET is unset: signing webhooks with the public dev-only secret',
    );
  }
  if (!config.webhookUrl) logger.warn('STRIPE_WEBHOOK_URL is unset: events are stored but not delivered');

  const emulator = createEmulator({
    webhookUrl: config.webhookUrl,
    webhookSecret: config.webhookSecret,
    enabledEvents: config.enabledEvents,
    logger,
  });
  await emulator.listen(config.port, config.host);

  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'stopping');
    emulator.close().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error({ err: error }, 'failed to stop cleanly');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
