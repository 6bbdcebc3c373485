import { userEmailVerificationRequested, type UserEmailVerificationRequested } from '@ticketing/common';
import { forThisFile, waitFor } from '@ticketing/common/testing';
import { eq } from 'drizzle-orm';
import { emailVerifications, users } from '../src/data/schema';
import { Browser, expectOneTimeToken, signedUp, startAuth } from './support';

const service = forThisFile(() => startAuth({ EMAIL_VERIFICATION_RESEND_LIMIT_PER_HOUR: '2' }));

/** The n-th verification event published for this address (from 1), as notifications receives it. */
const verificationFor = (email: string, nth = 1): Promise<UserEmailVerificationRequested> =>
  waitFor(
    () =>
      service.recorder!.of(userEmailVerificationRequested).filter((e) => e.data.email === email)[nth - 1]
        ?.data,
  );

test('when a user signs up, then they are unverified and a 48-hour token is published whose hash only is stored', async () => {
  const before = Date.now();
  const newcomer = await signedUp(service.app, 'fresh');
  expect(await newcomer.browser.currentUser()).toMatchObject({ id: newcomer.id, emailVerified: false });
  const link = await verificationFor(newcomer.user.email);
  await expectOneTimeToken(service, emailVerifications, link, newcomer, {
    since: before,
    lifetimeMs: 48 * 3600_000,
  });
});

test('when the link is followed, then the address is confirmed, the next access token says so, and a second use is 400', async () => {
  const { user, browser, id } = await signedUp(service.app, 'follows');
  const { token } = await verificationFor(user.email);
  // Anyone holding the link may follow it (a phone's mail app has no session).
  const elsewhere = await new Browser(service.app).open();
  expect((await elsewhere.post('/api/users/verify-email', { token })).status).toBe(204);
  const [row] = await service.database.db.select().from(users).where(eq(users.id, id));
  expect(row!.emailVerifiedAt).toBeInstanceOf(Date);

  expect((await browser.post('/api/users/refresh')).status).toBe(204);
  expect(await browser.currentUser()).toMatchObject({ id, emailVerified: true });
  const signIn = await (await new Browser(service.app).open()).post('/api/users/signin', user);
  expect(signIn.body.emailVerified).toBe(true);

  const again = await elsewhere.post('/api/users/verify-email', { token });
  expect(again.status).toBe(400);
  expect(again.body.errors).toEqual([
    { code: 'verification_token_invalid', message: expect.any(String), field: 'token' },
  ]);
});

test('when a new link is asked for, then the older token stops working and the newer one confirms', async () => {
  const { user, browser } = await signedUp(service.app, 'resends');
  const first = await verificationFor(user.email, 1);
  expect((await browser.post('/api/users/verify-email/resend')).status).toBe(202);
  const second = await verificationFor(user.email, 2);
  expect(second.token).not.toBe(first.token);
  expect((await browser.post('/api/users/verify-email', { token: first.token })).status).toBe(400);
  expect((await browser.post('/api/users/verify-email', { token: second.token })).status).toBe(204);

  const done = await browser.post('/api/users/verify-email/resend');
  expect(done.status).toBe(409);
  expect(done.body.errors[0].code).toBe('email_already_verified');
});

test('when one user asks for links too often, then 429; signed out, 401', async () => {
  const { browser } = await signedUp(service.app, 'impatient');
  const statuses: number[] = [];
  for (let i = 0; i < 3; i++) statuses.push((await browser.post('/api/users/verify-email/resend')).status);
  expect(statuses).toEqual([202, 202, 429]);
  const anonymous = await (await new Browser(service.app).open()).post('/api/users/verify-email/resend');
  expect(anonymous.status).toBe(401);
});

test('when the token has expired or is malformed, then 400 with a code, never 500', async () => {
  const { user } = await signedUp(service.app, 'late');
  const { token, userId } = await verificationFor(user.email);
  await service.database.db
    .update(emailVerifications)
    .set({ expiresAt: new Date(Date.now() - 1000) })
    .where(eq(emailVerifications.userId, userId));
  const browser = await new Browser(service.app).open();
  const late = await browser.post('/api/users/verify-email', { token });
  expect(late.status).toBe(400);
  expect(late.body.errors[0].code).toBe('verification_token_invalid');
  const missing = await browser.post('/api/users/verify-email', {});
  expect(missing.status).toBe(400);
  expect(missing.body.errors).toEqual([expect.objectContaining({ field: 'token' })]);
  const tooLong = await browser.post('/api/users/verify-email', { token: 'x'.repeat(500) });
  expect(tooLong.status).toBe(400);
});
