import { Client } from 'pg';
import { connectDatabase, type Database } from '../db/database';
import { runMigrations } from '../db/migrate';
import { createLogger } from '../logging/logger';
import { testServers, uniqueSuffix } from './env';

export interface TestDatabase {
  url: string;
  name: string;
  /** Dropped with every open connection to it. */
  drop(): Promise<void>;
}

function urlFor(name: string): string {
  const url = new URL(testServers.adminDatabaseUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

async function admin<T>(run: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: testServers.adminDatabaseUrl });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

/** A fresh, empty database of its own for one test file. */
export async function createTestDatabase(label = 'test'): Promise<TestDatabase> {
  const name = `t_${label.replace(/\W/g, '_')}_${uniqueSuffix()}`.toLowerCase();
  await admin((client) => client.query(`create database "${name}"`));
  return {
    url: urlFor(name),
    name,
    drop: () =>
      admin((client) => client.query(`drop database if exists "${name}" with (force)`)).then(() => undefined),
  };
}

/** A fresh database with the bus tables and, when given, a service's migrations applied. */
export async function createMigratedDatabase(
  label: string,
  migrationsDir: string | null = null,
): Promise<Database & { drop(): Promise<void>; url: string }> {
  const testDb = await createTestDatabase(label);
  const logger = createLogger(label, 'silent');
  const database = connectDatabase(testDb.url, logger, { poolSize: 5 });
  await runMigrations(database, migrationsDir, logger);
  return {
    ...database,
    url: testDb.url,
    drop: async () => {
      await database.close();
      await testDb.drop();
    },
  };
}

/**
 * Makes a test's database unavailable as an outage would: no new connections are accepted and every open
 * one is terminated (the server answers 55000 and 57P01). Only ever for a database the test created.
 */
export async function takeDatabaseAway(name: string): Promise<void> {
  await admin(async (client) => {
    await client.query(`alter database "${name}" allow_connections false`);
    await client.query('select pg_terminate_backend(pid) from pg_stat_activity where datname = $1', [name]);
  });
}

export async function bringDatabaseBack(name: string): Promise<void> {
  await admin((client) => client.query(`alter database "${name}" allow_connections true`));
}
