import { forThisFile, invalidFields, waitFor } from '@ticketing/common/testing';
import request from 'supertest';
import { Browser, newUser, startAuth } from './support';

const MAX_FAILURES = 3;
const service = forThisFile(() =>
  startAuth({ SIGNIN_MAX_FAILURES: String(MAX_FAILURES), SIGNIN_LOCKOUT_SECONDS: '2' }),
);

async function registered(label: string) {
  const user = newUser(label);
  const res = await (await new Browser(service.app).open()).post('/api/users/signup', user);
  expect(res.status).toBe(201);
  return { ...user, id: res.body.id as string };
}

const signIn = async (credentials: { email: string; password: string }) =>
  (await new Browser(service.app).open()).post('/api/users/signin', credentials);

test('when the credentials are right, then sign-in answers 200 with the user and a working session', async () => {
  const user = await registered('right');
  const browser = await new Browser(service.app).open();
  const res = await browser.post('/api/users/signin', {
    email: ` ${user.email.toUpperCase()}`,
    password: user.password,
  });
  expect(res.status).toBe(200);
  expect(res.body).toEqual({
    id: user.id,
    email: user.email,
    name: user.name,
    role: 'user',
    emailVerified: false,
  });
  expect(JSON.stringify(res.body)).not.toContain(user.password);
  expect(await browser.currentUser()).toEqual(res.body);
});

test('when the email is unknown or the password wrong, then sign-in answers the same generic 401', async () => {
  const user = await registered('wrong');
  const unknown = await signIn({ email: newUser('nobody').email, password: user.password });
  const wrong = await signIn({ email: user.email, password: `${user.password}x` });
  expect(unknown.status).toBe(401);
  expect(wrong.status).toBe(401);
  expect(wrong.body).toEqual(unknown.body);
  expect(wrong.body).toEqual({
    errors: [{ code: 'invalid_credentials', message: 'Invalid email or password' }],
  });
  expect(JSON.stringify(wrong.body)).not.toContain(user.password);
  expect(wrong.headers['set-cookie']?.toString() ?? '').not.toContain('access_token=');
});

test('when an account fails too often, then even the right password gets the generic 401 until the lock ends', async () => {
  const user = await registered('locked');
  const generic = (await signIn({ email: user.email, password: 'wrong-password' })).body;
  for (let i = 1; i < MAX_FAILURES; i++) {
    expect((await signIn({ email: user.email, password: 'wrong-password' })).status).toBe(401);
  }
  const whileLocked = await signIn(user);
  expect(whileLocked.status).toBe(401);
  expect(whileLocked.body).toEqual(generic);
  // Someone else's account is not affected by this one's lock.
  const other = await registered('unlocked');
  expect((await signIn(other)).status).toBe(200);
  await waitFor(async () => (await signIn(user)).status === 200, { timeoutMs: 10_000, intervalMs: 200 });
});

test('when a sign-in succeeds, then earlier failures no longer count towards a lock', async () => {
  const user = await registered('reset');
  for (let i = 1; i < MAX_FAILURES; i++) await signIn({ email: user.email, password: 'wrong-password' });
  expect((await signIn(user)).status).toBe(200);
  for (let i = 1; i < MAX_FAILURES; i++) await signIn({ email: user.email, password: 'wrong-password' });
  expect((await signIn(user)).status).toBe(200);
});

test('when the body is invalid, then sign-in answers 400 naming each bad field', async () => {
  const res = await signIn({ email: 'nope', password: '' });
  expect(res.status).toBe(400);
  expect(invalidFields(res)).toEqual(['email', 'password']);
});

test('when the CSRF header is missing, then sign-in answers 403 csrf_failed', async () => {
  const user = await registered('csrf');
  const browser = await new Browser(service.app).open();
  const res = await request(service.app)
    .post('/api/users/signin')
    .set('Cookie', `csrf_token=${browser.cookies.get('csrf_token')}`)
    .send({ email: user.email, password: user.password });
  expect(res.status).toBe(403);
  expect(res.body.errors).toEqual([{ code: 'csrf_failed', message: expect.any(String) }]);
});
