import { forThisFile } from '@ticketing/common/testing';
import { Browser, newUser, startAuth } from './support';

const service = forThisFile(() =>
  startAuth({ SIGNIN_IP_LIMIT_PER_MINUTE: '3', SIGNUP_IP_LIMIT_PER_HOUR: '2' }),
);

test('when one address signs in too often, then 429 with Retry-After, while other addresses go on', async () => {
  const ip = '203.0.113.10';
  const attempt = async (from: string) =>
    (await new Browser(service.app, from).open()).post('/api/users/signin', newUser('ip'));
  for (let i = 0; i < 3; i++) expect((await attempt(ip)).status).toBe(401);
  const limited = await attempt(ip);
  expect(limited.status).toBe(429);
  expect(limited.body.errors[0].code).toBe('rate_limited');
  expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
  expect(Number(limited.headers['retry-after'])).toBeLessThanOrEqual(60);
  expect((await attempt('203.0.113.11')).status).toBe(401);
});

test('when one address signs up too often, then 429 even for a valid new account', async () => {
  const browser = await new Browser(service.app, '192.0.2.77').open();
  expect((await browser.post('/api/users/signup', newUser('a'))).status).toBe(201);
  expect((await browser.post('/api/users/signup', newUser('b'))).status).toBe(201);
  const limited = await browser.post('/api/users/signup', newUser('c'));
  expect(limited.status).toBe(429);
  expect(limited.body.errors[0].code).toBe('rate_limited');
});
