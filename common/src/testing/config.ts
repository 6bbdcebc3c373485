import { ConfigError } from '../config/config';
import { testKeys } from './auth';

/** What a service with a database and signed-in users is given in production before its own variables. */
export const productionEnv = (database: string): Record<string, string> => ({
  APP_ENV: 'production',
  DATABASE_URL: `postgres://postgres@127.0.0.1:5432/${database}`,
  JWT_PUBLIC_KEY: testKeys().publicKey,
});

/** The same in local development, where the database has a default. */
export const developmentEnv = (): Record<string, string> => ({
  APP_ENV: 'development',
  JWT_PUBLIC_KEY: testKeys().publicKey,
});

/**
 * The problems a service's configuration is refused for (its ConfigError's, one a variable, e.g.
 * `SMTP_URL: is required`); throws when `load` accepts it or fails another way.
 */
export function configProblems(load: () => unknown): string[] {
  try {
    load();
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  throw new Error('the configuration was accepted');
}
