import { anonymousCsrf, forThisFile, invalidFields } from '@ticketing/common/testing';
import { eq } from 'drizzle-orm';
import request from 'supertest';
import { users } from '../src/data/schema';
import { Browser, newUser, startAuth } from './support';

const service = forThisFile(startAuth);

test('when someone signs up, then they get 201 with their public profile and are signed in', async () => {
  const browser = await new Browser(service.app).open();
  const user = newUser('signup');
  const res = await browser.post('/api/users/signup', user);
  expect(res.status).toBe(201);
  expect(res.body).toEqual({
    id: expect.any(String),
    email: user.email,
    name: user.name,
    role: 'user',
    emailVerified: false,
  });
  expect(await browser.currentUser()).toEqual(res.body);
});

test('when the email has capitals and spaces, then it is stored trimmed and lower-cased', async () => {
  const browser = await new Browser(service.app).open();
  const user = newUser('mixed');
  const res = await browser.post('/api/users/signup', { ...user, email: `  ${user.email.toUpperCase()} ` });
  expect(res.status).toBe(201);
  expect(res.body.email).toBe(user.email);
});

test('when the email is taken in any letter case, then sign-up answers 409 naming the email field', async () => {
  const user = newUser('taken');
  expect((await new Browser(service.app).open().then((b) => b.post('/api/users/signup', user))).status).toBe(
    201,
  );
  const again = await new Browser(service.app).open();
  const res = await again.post('/api/users/signup', { ...user, email: user.email.toUpperCase() });
  expect(res.status).toBe(409);
  expect(res.body.errors).toEqual([{ code: 'email_taken', message: expect.any(String), field: 'email' }]);
  expect(res.headers['set-cookie']?.toString() ?? '').not.toContain('access_token=');
});

test('when 20 sign-ups race with one email, then exactly one gets 201 and the others 409', async () => {
  const user = newUser('race');
  const responses = await Promise.all(
    Array.from({ length: 20 }, () =>
      request(service.app).post('/api/users/signup').set(anonymousCsrf()).send(user),
    ),
  );
  const statuses = responses.map((r) => r.status).sort();
  expect(statuses).toEqual([201, ...Array<number>(19).fill(409)]);
  const rows = await service.database.db.select().from(users).where(eq(users.email, user.email));
  expect(rows).toHaveLength(1);
});

test('when every field is invalid, then sign-up answers 400 with one entry per field', async () => {
  const browser = await new Browser(service.app).open();
  const res = await browser.post('/api/users/signup', {
    email: 'not-an-email',
    password: 'short',
    name: '   ',
  });
  expect(res.status).toBe(400);
  expect(invalidFields(res)).toEqual(['email', 'name', 'password']);
  for (const entry of res.body.errors) expect(entry.code).toBe('invalid');
});

test('when fields are missing or too long, then sign-up answers 400 naming each of them', async () => {
  const browser = await new Browser(service.app).open();
  const missing = await browser.post('/api/users/signup', {});
  expect(missing.status).toBe(400);
  expect(missing.body.errors).toEqual(
    expect.arrayContaining([
      { code: 'invalid', field: 'email', message: 'is required' },
      { code: 'invalid', field: 'password', message: 'is required' },
      { code: 'invalid', field: 'name', message: 'is required' },
    ]),
  );
  const tooLong = await browser.post('/api/users/signup', {
    ...newUser('long'),
    password: 'x'.repeat(129),
    name: 'n'.repeat(101),
  });
  expect(tooLong.status).toBe(400);
  expect(invalidFields(tooLong)).toEqual(['name', 'password']);
});

test('when a user signs up, then the password is stored only as an argon2id hash and never echoed', async () => {
  const browser = await new Browser(service.app).open();
  const user = newUser('hash');
  const res = await browser.post('/api/users/signup', user);
  const [row] = await service.database.db.select().from(users).where(eq(users.email, user.email));
  expect(row!.passwordHash).toMatch(/^\$argon2id\$/);
  expect(row!.passwordHash).not.toContain(user.password);
  expect(JSON.stringify(res.body)).not.toContain(user.password);
  expect(JSON.stringify(res.body)).not.toContain(row!.passwordHash);
  expect(JSON.stringify(res.headers)).not.toContain(user.password);
});

test('when the CSRF header is missing or does not match, then sign-up answers 403 csrf_failed', async () => {
  const browser = await new Browser(service.app).open();
  const withoutHeader = await request(service.app)
    .post('/api/users/signup')
    .set('Cookie', `csrf_token=${browser.cookies.get('csrf_token')}`)
    .send(newUser());
  expect(withoutHeader.status).toBe(403);
  expect(withoutHeader.body.errors[0].code).toBe('csrf_failed');
  const mismatched = await request(service.app)
    .post('/api/users/signup')
    .set('Cookie', `csrf_token=${browser.cookies.get('csrf_token')}`)
    .set('x-csrf-token', 'a-different-token-of-some-length')
    .send(newUser());
  expect(mismatched.status).toBe(403);
  expect(mismatched.body.errors[0].code).toBe('csrf_failed');
});
