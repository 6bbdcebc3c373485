import Stripe from 'stripe';
import { createEmulator, silentLogger, type EmulatorOptions } from '../../src';
import { startWebhookReceiver, type WebhookReceiver } from './webhook-receiver';

export const TEST_KEY = 'sk_test_emulator_suite';

/** The emulator on an ephemeral port, and an official SDK client configured as payments does. */
export async function startEmulator(options: EmulatorOptions = {}) {
  const emulator = createEmulator({
    logger: silentLogger,
    webhookRetry: { baseDelayMs: 5, maxDelayMs: 20, timeoutMs: 2_000 },
    ...options,
  });
  const { port, url } = await emulator.listen(0);
  const client = (key = TEST_KEY) => new Stripe(key, { host: '127.0.0.1', port, protocol: 'http' });
  return { emulator, url, stripe: client(), client };
}

/** The error a promise rejects with (fails the test if it resolves). */
export async function rejectionOf(promise: Promise<unknown>): Promise<Stripe.errors.StripeError> {
  try {
    await promise;
  } catch (error) {
    return error as Stripe.errors.StripeError;
  }
  throw new Error('expected the request to fail, but it succeeded');
}

/** A card payment the emulator can confirm server-side without a return_url. */
export const cardPayment = (overrides: Partial<Stripe.PaymentIntentCreateParams> = {}) =>
  ({
    amount: 2500,
    currency: 'usd',
    allowed_payment_method_types: ['card'],
    payment_method: 'pm_card_visa',
    confirm: true,
    ...overrides,
  }) satisfies Stripe.PaymentIntentCreateParams;

/** Registers beforeAll/afterAll: a webhook receiver and an emulator delivering to it. */
export function useEmulator(options: EmulatorOptions = {}) {
  const env = {} as Awaited<ReturnType<typeof startEmulator>> & { receiver: WebhookReceiver };
  beforeAll(async () => {
    const receiver = await startWebhookReceiver();
    Object.assign(env, { receiver }, await startEmulator({ webhookUrl: receiver.url, ...options }));
  });
  afterAll(async () => {
    await env.emulator?.close();
    await env.receiver?.close();
  });
  return env;
}
