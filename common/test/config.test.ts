import { z } from 'zod';
import { ConfigError, configParts, loadConfig, requiredVariables } from '../src';

const schema = z.object({ ...configParts.base, ...configParts.database, ...configParts.jwtVerify });

describe('loadConfig', () => {
  test('when a required variable is missing, then it fails naming that variable', () => {
    expect(() =>
      loadConfig(schema, { APP_ENV: 'production', JWT_PUBLIC_KEY: '-----BEGIN PUBLIC KEY-----x' }),
    ).toThrow(/DATABASE_URL: is required but not set/);
  });

  test('when a variable is invalid, then it fails naming the variable and the problem', () => {
    const attempt = () =>
      loadConfig(schema, {
        DATABASE_URL: 'mysql://x',
        PORT: 'eighty',
        JWT_PUBLIC_KEY: '-----BEGIN PUBLIC KEY-----x',
      });
    expect(attempt).toThrow(ConfigError);
    expect(attempt).toThrow(/DATABASE_URL/);
    expect(attempt).toThrow(/PORT/);
  });

  test('when production lacks secrets, then dev defaults do not apply; in development they do', () => {
    const devDefaults = { DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/dev' };
    expect(() => loadConfig(schema, { APP_ENV: 'production' }, devDefaults)).toThrow(/DATABASE_URL/);
    const config = loadConfig(
      schema,
      { APP_ENV: 'development', JWT_PUBLIC_KEY: '-----BEGIN PUBLIC KEY-----\\nabc' },
      devDefaults,
    );
    expect(config).toMatchObject({
      DATABASE_URL: devDefaults.DATABASE_URL,
      PORT: 3000,
      APP_ENV: 'development',
    });
    expect(config.JWT_PUBLIC_KEY).toBe('-----BEGIN PUBLIC KEY-----\nabc');
  });

  test('when APP_ENV is not set, then it defaults to production (secure by default)', () => {
    const config = loadConfig(schema, {
      DATABASE_URL: 'postgres://db/x',
      JWT_PUBLIC_KEY: Buffer.from('-----BEGIN PUBLIC KEY-----').toString('base64'),
    });
    expect(config.APP_ENV).toBe('production');
    expect(config.JWT_PUBLIC_KEY).toBe('-----BEGIN PUBLIC KEY-----');
  });

  test('requiredVariables lists exactly the variables without a default', () => {
    expect(requiredVariables(schema).sort()).toEqual(['DATABASE_URL', 'JWT_PUBLIC_KEY']);
  });
});
