import { z } from 'zod';
import { ConfigError, configParts, loadConfig, requiredVariables, tracingSettings } from '../src';

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

describe('tracing settings', () => {
  const env = { DATABASE_URL: 'postgres://x@h/db', JWT_PUBLIC_KEY: '-----BEGIN PUBLIC KEY-----x' };

  test('when no OTLP endpoint is set, then tracing is off', () => {
    expect(tracingSettings(loadConfig(schema, env), 'orders')).toBeNull();
  });

  test('when an endpoint is set, then traces go to its /v1/traces unless OTEL_SDK_DISABLED', () => {
    const on = loadConfig(schema, { ...env, OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318/' });
    expect(tracingSettings(on, 'orders')).toMatchObject({
      serviceName: 'orders',
      tracesUrl: 'http://collector:4318/v1/traces',
      protocol: 'http/protobuf',
      sampleRatio: 1,
    });
    const off = loadConfig(schema, {
      ...env,
      OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318',
      OTEL_SDK_DISABLED: 'true',
    });
    expect(tracingSettings(off, 'orders')).toBeNull();
  });

  test('when an OTEL variable is invalid, then the config error names it', () => {
    const attempt = () =>
      loadConfig(schema, {
        ...env,
        OTEL_EXPORTER_OTLP_ENDPOINT: 'collector:4318',
        OTEL_TRACES_SAMPLER_ARG: '2',
      });
    expect(attempt).toThrow(/OTEL_EXPORTER_OTLP_ENDPOINT/);
    expect(attempt).toThrow(/OTEL_TRACES_SAMPLER_ARG/);
  });
});
