import { ConfigError } from '@ticketing/common';
import { testKeys } from '@ticketing/common/testing';
import { loadServiceConfig } from '../src/config';

const base = {
  DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/orders',
  JWT_PUBLIC_KEY: testKeys().publicKey,
};

describe('orders config', () => {
  test('when production lacks the e-ticket signing key, then it refuses to start naming the variable', () => {
    const attempt = () => loadServiceConfig({ ...base, APP_ENV: 'production' });
    expect(attempt).toThrow(ConfigError);
    expect(attempt).toThrow(/ETICKET_SIGNING_KEY: is required/);
  });

  test('when the signing key is short, then it is refused (a short key can be guessed)', () => {
    expect(() => loadServiceConfig({ ...base, APP_ENV: 'production', ETICKET_SIGNING_KEY: 'short' })).toThrow(
      /ETICKET_SIGNING_KEY: must be at least 32 characters/,
    );
  });

  test('when local development sets no key, then a development-only key is used', () => {
    const config = loadServiceConfig({ APP_ENV: 'development', JWT_PUBLIC_KEY: base.JWT_PUBLIC_KEY });
    expect(config.ETICKET_SIGNING_KEY).toMatch(/^dev_only_/);
  });
});
