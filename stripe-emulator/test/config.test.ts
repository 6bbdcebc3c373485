import { DEV_WEBHOOK_SECRET, loadConfig } from '../src/config';

describe('configuration from the environment', () => {
  it('when nothing is set, then the emulator uses its local defaults and the dev-only secret', () => {
    expect(loadConfig({})).toEqual({
      port: 12111,
      host: '127.0.0.1',
      webhookUrl: undefined,
      webhookSecret: DEV_WEBHOOK_SECRET,
      webhookSecretIsDevDefault: true,
      enabledEvents: ['*'],
    });
  });

  it('when every variable is set, then each is used', () => {
    const config = loadConfig({
      PORT: '4242',
      HOST: '0.0.0.0',
      STRIPE_WEBHOOK_URL: 'http://localhost:3000/api/payments/webhook',
      STRIPE_WEBHOOK_SECRET: 'whsec_from_env',
      STRIPE_WEBHOOK_EVENTS: 'payment_intent.succeeded, payment_intent.payment_failed',
    });

    expect(config).toMatchObject({
      port: 4242,
      host: '0.0.0.0',
      webhookUrl: 'http://localhost:3000/api/payments/webhook',
      webhookSecret: 'whsec_from_env',
      webhookSecretIsDevDefault: false,
      enabledEvents: ['payment_intent.succeeded', 'payment_intent.payment_failed'],
    });
  });

  it.each([
    [{ PORT: 'eighty' }, 'PORT'],
    [{ PORT: '70000' }, 'PORT'],
    [{ STRIPE_WEBHOOK_URL: 'not a url' }, 'STRIPE_WEBHOOK_URL'],
    [{ STRIPE_WEBHOOK_URL: 'ftp://example.test/hook' }, 'STRIPE_WEBHOOK_URL'],
    [{ STRIPE_WEBHOOK_SECRET: 'secret' }, 'STRIPE_WEBHOOK_SECRET'],
  ])('when %o is invalid, then loading fails naming %s', (env, variable) => {
    expect(() => loadConfig(env)).toThrow(variable);
  });
});
