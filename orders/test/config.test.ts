import { configProblems, developmentEnv, productionEnv } from '@ticketing/common/testing';
import { loadServiceConfig } from '../src/config';

const production = productionEnv('orders');

describe('orders config', () => {
  test('when production lacks the e-ticket signing key, then it refuses to start naming the variable', () => {
    expect(configProblems(() => loadServiceConfig(production))).toEqual([
      expect.stringMatching(/^ETICKET_SIGNING_KEY: is required/),
    ]);
  });

  test('when the signing key is short, then it is refused (a short key can be guessed)', () => {
    const shortKey = { ...production, ETICKET_SIGNING_KEY: 'short' };
    expect(configProblems(() => loadServiceConfig(shortKey))).toEqual([
      expect.stringMatching(/^ETICKET_SIGNING_KEY: must be at least 32 characters/),
    ]);
  });

  test('when local development sets no key, then a development-only key is used', () => {
    const config = loadServiceConfig(developmentEnv());
    expect(config.ETICKET_SIGNING_KEY).toMatch(/^dev_only_/);
  });
});
