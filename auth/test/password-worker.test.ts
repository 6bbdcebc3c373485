import { performance } from 'node:perf_hooks';
import { assertStrongPassword, passwordJudge } from '../src/domain/password-strength';

afterAll(() => passwordJudge.stop());

test('when many passwords are judged at once, then the event loop keeps turning (the estimator runs in a worker)', async () => {
  await passwordJudge.start();
  let longestGapMs = 0;
  let last = performance.now();
  const ticker = setInterval(() => {
    const now = performance.now();
    longestGapMs = Math.max(longestGapMs, now - last);
    last = now;
  }, 2);
  // Long l33t-heavy passwords are the estimator's slow case: together they take seconds of its CPU.
  const slow = Array.from({ length: 20 }, (_, i) => `${'P4$$w0rd!'.repeat(12)}${i}`.slice(0, 128));
  const started = performance.now();
  const outcomes = await Promise.allSettled(
    slow.map((p) => assertStrongPassword(p, ['someone@example.test'])),
  );
  const elapsedMs = performance.now() - started;
  clearInterval(ticker);
  expect(outcomes).toHaveLength(20);
  // The judging took far longer than any pause of the main thread.
  expect(longestGapMs).toBeLessThan(Math.max(100, elapsedMs / 4));
});

test('when the worker is stopped, then the next check starts a new one and still judges', async () => {
  await passwordJudge.stop();
  await expect(assertStrongPassword('password', [])).rejects.toMatchObject({ code: 'password_breached' });
  await expect(assertStrongPassword('Lantern-Quarry-Osprey-73', [])).resolves.toBeUndefined();
});
