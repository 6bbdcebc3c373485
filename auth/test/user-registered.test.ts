import { envelopeSchema, userRegistered } from '@ticketing/common';
import { forThisFile, waitFor, withMigrationsUpTo } from '@ticketing/common/testing';
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
  await withMigrationsUpTo(authService, '0001_refresh_grace', async ({ db }, migrateTheRest) => {
    const existing = [newUser('old-a'), newUser('old-b')];
    // In SQL: the schema of today has columns these older migrations have not made yet.
    const rows: Array<{ id: string; email: string; name: string }> = [];
    for (const u of existing) {
      const inserted = await db.execute<{ id: string; email: string; name: string }>(
        sql`insert into users (email, name, password_hash) values (${u.email}, ${u.name}, 'x') returning id, email, name`,
      );
      rows.push(inserted.rows[0]!);
    }

    await migrateTheRest();
    await migrateTheRest();

    const queued = await db.execute<{ subject: string; envelope: { id: string; data: unknown } }>(
      sql`select subject, envelope, id from outbox order by seq`,
    );
    expect(queued.rows.map((r) => r.subject)).toEqual(['user.registered.v1', 'user.registered.v1']);
    const data = queued.rows.map((r) => userRegistered.schema.parse(envelopeSchema.parse(r.envelope).data));
    expect(data).toEqual(
      expect.arrayContaining(rows.map((u) => ({ id: u.id, email: u.email, name: u.name }))),
    );
    // Nobody who signed up before verification existed is asked to confirm now.
    const verified = await db.select({ at: users.emailVerifiedAt }).from(users);
    expect(verified.every((u) => u.at instanceof Date)).toBe(true);
  });
});
