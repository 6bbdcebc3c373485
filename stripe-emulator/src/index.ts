/**
 * DEV/TEST ONLY: the Stripe emulator as a library, for tests and the local platform runner.
 * `npm start` (dist/main.js) runs it as a process instead.
 */
export { createEmulator, type Emulator, type EmulatorOptions } from './app';
export { DEV_WEBHOOK_SECRET } from './config';
export { silentLogger, type Logger } from './logger';
export { TEST_CARDS } from './test-cards';
export type { DeliveryAttempt, RetryPolicy } from './webhooks/dispatcher';
