import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  connectDatabase,
  createLogger,
  envelopeSchema,
  runMigrations,
  userRegistered,
} from '@ticketing/common';
import { createTestDatabase, forThisFile, waitFor } from '@ticketing/common/testing';
import { sql } from 'drizzle-orm';
import { authService } from '../src/app';
import { users } from '../src/data/schema';
import { Browser, newUser, startAuth } from './support';

const service = forThisFile(startAuth);

test('when someone signs up, then user.registered.v1 with their id, email and name is published once', async () => {
  const user = newUser('registered');
  const res = await new Browser(service.app).open().then((b) => b.post('/api/users/signup', user));
  expect(res.status).toBe(201);
  const events = await waitFor(() => {
    const mine = service.recorder!.of(userRegistered).filter((e) => e.data.id === res.body.id);
    return mine.length > 0 ? mine : undefined;
  });
  expect(events.map((e) => e.data)).toEqual([{ id: res.body.id, email: user.email, name: user.name }]);
});

test('when a sign-up is refused (email taken), then no user.registered.v1 is published for it', async () => {
  const user = newUser('twice');
  await new Browser(service.app).open().then((b) => b.post('/api/users/signup', user));
  const again = await new Browser(service.app).open().then((b) => b.post('/api/users/signup', user));
  expect(again.status).toBe(409);
  const published = await waitFor(() => {
    const mine = service.recorder!.of(userRegistered).filter((e) => e.data.email === user.email);
    return mine.length > 0 ? mine : undefined;
  });
  // Everything auth queued is out by now: nothing else can follow for this email.
  await waitFor(
    async () =>
      (await service.database.pool.query('select 1 from outbox where sent_at is null')).rowCount === 0,
  );
  expect(published).toHaveLength(1);
  expect(service.recorder!.of(userRegistered).filter((e) => e.data.email === user.email)).toHaveLength(1);
});

test('when auth is upgraded over existing users, then its migration queues one user.registered.v1 per user and counts them as verified', async () => {
  // The migrations as they were before the backfill, applied to a database that already has users.
  const before = await mkdtemp(path.join(tmpdir(), 'auth-migrations-'));
  const database = await createTestDatabase('auth_backfill');
  const logger = createLogger('auth-backfill', 'silent');
  const db = connectDatabase(database.url, logger, { poolSize: 2 });
  try {
    await cp(authService.migrationsDir!, before, { recursive: true });
    const journalPath = path.join(before, 'meta', '_journal.json');
    const journal = JSON.parse(await readFile(journalPath, 'utf8')) as { entries: Array<{ tag: string }> };
    // Everything from the backfill on is later: drizzle applies nothing older than the last one applied.
    journal.entries = journal.entries.slice(
      0,
      journal.entries.findIndex((e) => e.tag === '0002_user_registered_backfill'),
    );
    await writeFile(journalPath, JSON.stringify(journal));
    await runMigrations(db, before, logger);
    const existing = [newUser('old-a'), newUser('old-b')];
    // In SQL: the schema of today has columns these older migrations have not made yet.
    const rows: Array<{ id: string; email: string; name: string }> = [];
    for (const u of existing) {
      const inserted = await db.db.execute<{ id: string; email: string; name: string }>(
        sql`insert into users (email, name, password_hash) values (${u.email}, ${u.name}, 'x') returning id, email, name`,
      );
      rows.push(inserted.rows[0]!);
    }

    await runMigrations(db, authService.migrationsDir, logger);
    await runMigrations(db, authService.migrationsDir, logger);

    const queued = await db.db.execute<{ subject: string; envelope: { id: string; data: unknown } }>(
      sql`select subject, envelope, id from outbox order by seq`,
    );
    expect(queued.rows.map((r) => r.subject)).toEqual(['user.registered.v1', 'user.registered.v1']);
    const data = queued.rows.map((r) => userRegistered.schema.parse(envelopeSchema.parse(r.envelope).data));
    expect(data).toEqual(
      expect.arrayContaining(rows.map((u) => ({ id: u.id, email: u.email, name: u.name }))),
    );
    // Nobody who signed up before verification existed is asked to confirm now.
    const verified = await db.db.select({ at: users.emailVerifiedAt }).from(users);
    expect(verified.every((u) => u.at instanceof Date)).toBe(true);
  } finally {
    await db.close();
    await database.drop();
    await rm(before, { recursive: true, force: true });
  }
});
