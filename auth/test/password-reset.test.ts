import { userPasswordResetRequested, type UserPasswordResetRequested } from '@ticketing/common';
import { forThisFile, invalidFields, waitFor } from '@ticketing/common/testing';
import { eq, sql } from 'drizzle-orm';
import { passwordResets, users } from '../src/data/schema';
import { Browser, expectOneTimeToken, newUser, signedUp, startAuth } from './support';

const service = forThisFile(startAuth);

const NEW_PASSWORD = 'Osprey-Meadow-Quarry-58';

/** Asks for a reset and answers the link's token, as notifications receives it. */
const requestReset = async (email: string, from?: Browser): Promise<UserPasswordResetRequested> => {
  const seen = service.recorder!.of(userPasswordResetRequested).length;
  const res = await (from ?? (await new Browser(service.app).open())).post('/api/users/password-reset', {
    email,
  });
  expect(res.status).toBe(202);
  return waitFor(
    () =>
      service
        .recorder!.of(userPasswordResetRequested)
        .slice(seen)
        .find((e) => e.data.email === email)?.data,
  );
};

const confirm = async (token: string, password = NEW_PASSWORD) =>
  (await new Browser(service.app).open()).post('/api/users/password-reset/confirm', { token, password });

const signIn = async (email: string, password: string) =>
  (await new Browser(service.app).open()).post('/api/users/signin', { email, password });

test('when a known email asks for a reset, then 202 and the event carries a 30-minute token whose hash only is stored', async () => {
  const known = await signedUp(service.app, 'known');
  const before = Date.now();
  const link = await requestReset(known.user.email);
  await expectOneTimeToken(service, passwordResets, link, known, { since: before, lifetimeMs: 30 * 60_000 });
});

test('when an unknown email asks for a reset, then the answer is the same 202 and nothing is published', async () => {
  const email = newUser('nobody').email;
  const res = await (await new Browser(service.app).open()).post('/api/users/password-reset', { email });
  expect(res.status).toBe(202);
  expect(res.body).toEqual({});
  await waitFor(
    async () =>
      (await service.database.pool.query('select 1 from outbox where sent_at is null')).rowCount === 0,
  );
  expect(service.recorder!.of(userPasswordResetRequested).filter((e) => e.data.email === email)).toHaveLength(
    0,
  );
});

test('when the token is used, then the new password signs in, the old one not, and a second use is 400 reset_token_invalid', async () => {
  const { user } = await signedUp(service.app, 'single');
  const { token } = await requestReset(user.email);
  expect((await confirm(token)).status).toBe(204);
  expect((await signIn(user.email, NEW_PASSWORD)).status).toBe(200);
  expect((await signIn(user.email, user.password)).status).toBe(401);
  const again = await confirm(token, 'Another-Pelican-Harbour-91');
  expect(again.status).toBe(400);
  expect(again.body.errors).toEqual([
    { code: 'reset_token_invalid', message: expect.any(String), field: 'token' },
  ]);
  expect((await signIn(user.email, NEW_PASSWORD)).status).toBe(200);
});

test('when two uses of one token race, then exactly one sets its password', async () => {
  const { user } = await signedUp(service.app, 'race');
  const { token } = await requestReset(user.email);
  const [a, b] = await Promise.all([
    confirm(token, 'Raven-Granite-Violet-31'),
    confirm(token, 'Heron-Copper-Maple-64'),
  ]);
  expect([a.status, b.status].sort()).toEqual([204, 400]);
  const winner = a.status === 204 ? 'Raven-Granite-Violet-31' : 'Heron-Copper-Maple-64';
  expect((await signIn(user.email, winner)).status).toBe(200);
});

test('when the password is reset, then the sessions signed in before it end', async () => {
  const { user, browser } = await signedUp(service.app, 'sessions');
  expect(await browser.currentUser()).toMatchObject({ email: user.email });
  const { token } = await requestReset(user.email);
  expect((await confirm(token)).status).toBe(204);
  expect((await browser.post('/api/users/refresh')).status).toBe(401);
  await waitFor(async () => (await browser.currentUser()) === null);
});

test('when the token has expired, then it is refused with 400 reset_token_invalid', async () => {
  const { user, id } = await signedUp(service.app, 'expired');
  const { token } = await requestReset(user.email);
  // The clock moved on: the row's expiry is in the past.
  await service.database.db
    .update(passwordResets)
    .set({ expiresAt: sql`now() - interval '1 second'` })
    .where(eq(passwordResets.userId, id));
  const res = await confirm(token);
  expect(res.status).toBe(400);
  expect(res.body.errors[0].code).toBe('reset_token_invalid');
  expect((await signIn(user.email, user.password)).status).toBe(200);
});

test('when a newer link is asked for, then the older token stops working', async () => {
  const { user } = await signedUp(service.app, 'newer');
  const first = await requestReset(user.email);
  const second = await requestReset(user.email);
  expect((await confirm(first.token)).status).toBe(400);
  expect((await confirm(second.token)).status).toBe(204);
});

test('when the new password is weak or common, then 400 with its code and the token still works', async () => {
  const { user, id } = await signedUp(service.app, 'weak');
  const { token } = await requestReset(user.email);
  expect((await confirm(token, 'password')).body.errors[0].code).toBe('password_breached');
  expect((await confirm(token, 'Summer2024!')).body.errors[0].code).toBe('password_too_weak');
  const [row] = await service.database.db.select().from(users).where(eq(users.id, id));
  expect((await signIn(user.email, user.password)).status).toBe(200);
  expect((await confirm(token)).status).toBe(204);
  const [after] = await service.database.db.select().from(users).where(eq(users.id, id));
  expect(after!.passwordHash).not.toBe(row!.passwordHash);
});

test('when one email or one address asks too often, then 429', async () => {
  const { user } = await signedUp(service.app, 'limited');
  const statuses: number[] = [];
  for (let i = 0; i < 4; i++) {
    const res = await (
      await new Browser(service.app).open()
    ).post('/api/users/password-reset', { email: user.email });
    statuses.push(res.status);
  }
  expect(statuses).toEqual([202, 202, 202, 429]);
  const browser = await new Browser(service.app).open();
  const fromOneAddress: number[] = [];
  for (let i = 0; i < 11; i++) {
    const res = await browser.post('/api/users/password-reset', { email: newUser('many').email });
    fromOneAddress.push(res.status);
  }
  expect(fromOneAddress).toEqual([...Array<number>(10).fill(202), 429]);
});

test('when the body is malformed, then 400 naming the fields', async () => {
  const browser = await new Browser(service.app).open();
  const bad = await browser.post('/api/users/password-reset', { email: 'not-an-email' });
  expect(bad.status).toBe(400);
  expect(bad.body.errors).toEqual([expect.objectContaining({ code: 'invalid', field: 'email' })]);
  const missing = await browser.post('/api/users/password-reset/confirm', {});
  expect(missing.status).toBe(400);
  expect(invalidFields(missing)).toEqual(['password', 'token']);
});
