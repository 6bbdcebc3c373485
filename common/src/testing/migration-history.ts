import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Database } from '../db/database';
import type { ServiceDefinition } from '../lifecycle/service-definition';
import { runMigrations } from '../db/migrate';
import { createLogger } from '../logging/logger';
import { createMigratedDatabase } from './database';

/** A copy of a migrations folder whose journal stops at `lastTag`: the migrations as they were then. */
function migrationsUpTo(migrationsDir: string, lastTag: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'migrations-'));
  cpSync(migrationsDir, dir, { recursive: true });
  const journalFile = path.join(dir, 'meta', '_journal.json');
  const journal = JSON.parse(readFileSync(journalFile, 'utf8')) as { entries: { tag: string }[] };
  const last = journal.entries.findIndex((e) => e.tag === lastTag);
  if (last < 0) throw new Error(`no migration tagged ${lastTag} in ${migrationsDir}`);
  writeFileSync(journalFile, JSON.stringify({ ...journal, entries: journal.entries.slice(0, last + 1) }));
  return dir;
}

/**
 * Runs `test` on a fresh database of `service` migrated only up to the migration tagged `upTo` (e.g.
 * `0003_events`), where it seeds rows as they were then and calls `migrateTheRest` to apply every later
 * migration as a deploy would. The database is dropped afterwards.
 */
export async function withMigrationsUpTo(
  service: Pick<ServiceDefinition<never>, 'name' | 'migrationsDir'>,
  upTo: string,
  test: (database: Database, migrateTheRest: () => Promise<void>) => Promise<void>,
): Promise<void> {
  const { migrationsDir } = service;
  if (!migrationsDir) throw new Error(`${service.name} has no migrations`);
  const label = `${service.name}_up_to_${upTo}`;
  const before = migrationsUpTo(migrationsDir, upTo);
  try {
    const database = await createMigratedDatabase(label, before);
    try {
      await test(database, () => runMigrations(database, migrationsDir, createLogger(label, 'silent')));
    } finally {
      await database.drop();
    }
  } finally {
    rmSync(before, { recursive: true, force: true });
  }
}
