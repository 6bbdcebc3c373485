import { eq } from 'drizzle-orm';
import { forThisFile } from '@ticketing/common/testing';
import { users } from '../src/data/schema';
import { Browser, newUser, startAuth } from './support';

const service = forThisFile(startAuth);

const signUpWith = async (password: string) => {
  const user = { ...newUser('strength'), password };
  const res = await (await new Browser(service.app).open()).post('/api/users/signup', user);
  const rows = await service.database.db.select().from(users).where(eq(users.email, user.email));
  return { res, rows };
};

/** Sign-up with `password` answers 400 with exactly this error on the password field, and creates nobody. */
const expectRefused = async (password: string, code: string, message: unknown) => {
  const { res, rows } = await signUpWith(password);
  expect(res.status).toBe(400);
  expect(res.body.errors).toEqual([{ code, message, field: 'password' }]);
  expect(rows).toHaveLength(0);
};

test.each(['password', 'P@ssw0rd', 'iloveyou'])(
  'when the password is %p from the common-password list, then sign-up answers 400 password_breached and creates nobody',
  (password) => expectRefused(password, 'password_breached', expect.any(String)),
);

test.each(['abcdefgh12', 'Summer2024!', 'zzzzzzzzzzzz'])(
  'when the password %p is easy to guess but not listed, then sign-up answers 400 password_too_weak with advice',
  (password) =>
    expectRefused(
      password,
      'password_too_weak',
      expect.stringMatching(/^This password is too easy to guess\. \S/),
    ),
);

test('when the password is long and unpredictable, then sign-up succeeds', async () => {
  const { res, rows } = await signUpWith('Kestrel-Harbor-Lantern-42');
  expect(res.status).toBe(201);
  expect(rows).toHaveLength(1);
});
