import { configProblems, developmentEnv, productionEnv } from '@ticketing/common/testing';
import { loadServiceConfig } from '../src/config';

const production = productionEnv('payments');

describe('payments config', () => {
  test('when production lacks the Stripe secrets, then it refuses to start naming both variables', () => {
    expect(configProblems(() => loadServiceConfig(production))).toEqual([
      expect.stringMatching(/^STRIPE_SECRET_KEY: is required/),
      expect.stringMatching(/^STRIPE_WEBHOOK_SECRET: is required/),
    ]);
  });

  test('when production has real keys and no STRIPE_API_URL, then payments talks to Stripe itself', () => {
    const config = loadServiceConfig({
      ...production,
      STRIPE_SECRET_KEY: 'sk_live_abc123',
      STRIPE_WEBHOOK_SECRET: 'whsec_abc123',
    });

    expect(config.STRIPE_API_URL).toBeUndefined();
  });

  test('when local development sets no Stripe variables, then the emulator key, secret and address are used', () => {
    const config = loadServiceConfig(developmentEnv());

    expect(config).toMatchObject({
      STRIPE_SECRET_KEY: 'sk_test_dev_only_emulator',
      STRIPE_WEBHOOK_SECRET: 'whsec_dev_only_local_emulator',
      STRIPE_API_URL: 'http://127.0.0.1:12111',
    });
  });

  test('when local development brings its own key, then no emulator address is slipped in', () => {
    const config = loadServiceConfig({
      ...developmentEnv(),
      STRIPE_SECRET_KEY: 'sk_test_real_account',
      STRIPE_WEBHOOK_SECRET: 'whsec_real_account',
    });

    expect(config.STRIPE_API_URL).toBeUndefined();
  });
});
