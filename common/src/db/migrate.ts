import path from 'node:path';
import { drizzle } from 'drizzle-orm/node-postgres';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import type { Logger } from 'pino';
import type { Database } from './database';

/** Migrations of the bus tables (outbox, processed_events, dead_letters) every service database has. */
export const BUS_MIGRATIONS_DIR = path.resolve(__dirname, '../../migrations');

/** Any fixed number works; it only has to be the same for every instance of every service. */
const MIGRATION_LOCK = 727_001;

/**
 * Applies the bus migrations, then the service's own, at boot. Idempotent (drizzle records what ran),
 * and safe when instances start together: a session advisory lock lets one migrate while others wait.
 */
export async function runMigrations(database: Database, serviceMigrationsDir: string | null, logger: Logger) {
  const client = await database.pool.connect();
  try {
    await client.query('select pg_advisory_lock($1)', [MIGRATION_LOCK]);
    const db = drizzle({ client });
    await migrate(db, { migrationsFolder: BUS_MIGRATIONS_DIR, migrationsTable: '__bus_migrations' });
    if (serviceMigrationsDir) {
      await migrate(db, { migrationsFolder: serviceMigrationsDir, migrationsTable: '__migrations' });
    }
    logger.info('database migrated');
  } finally {
    await client.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined);
    client.release();
  }
}
