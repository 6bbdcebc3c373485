import { forThisFile } from '@ticketing/common/testing';
import { Browser, newUser, startAuth } from './support';

const MAX_FAILURES = 3;
const PARALLEL_GUESSES = 20;
const ROUNDS = 3;
const service = forThisFile(() =>
  startAuth({ SIGNIN_MAX_FAILURES: String(MAX_FAILURES), SIGNIN_LOCKOUT_SECONDS: '900' }),
);

async function registered() {
  const user = newUser('race');
  expect((await (await new Browser(service.app).open()).post('/api/users/signup', user)).status).toBe(201);
  return user;
}

/**
 * An attacker with many guesses sends them at once, the right one last: if attempts were counted only
 * after their password hash was checked, every guess in flight would be checked before any lock.
 */
test('when many guesses arrive at once, then only the first few are checked and a late right one is refused', async () => {
  for (let round = 0; round < ROUNDS; round++) {
    const user = await registered();
    const browsers = await Promise.all(
      Array.from({ length: PARALLEL_GUESSES }, () => new Browser(service.app).open()),
    );
    const answers = await Promise.all(
      browsers.map((browser, i) =>
        browser.post('/api/users/signin', {
          email: user.email,
          password: i === PARALLEL_GUESSES - 1 ? user.password : `wrong-${i}`,
        }),
      ),
    );
    expect(answers.map((a) => a.status)).toEqual(Array(PARALLEL_GUESSES).fill(401));
    // The owner is locked out too, for the whole window: the lock does not depend on who guessed.
    expect((await (await new Browser(service.app).open()).post('/api/users/signin', user)).status).toBe(401);
  }
});
