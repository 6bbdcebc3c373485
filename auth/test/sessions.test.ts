import {
  ACCESS_COOKIE,
  createLogger,
  createServiceApp,
  REFRESH_COOKIE,
  requireAuth,
  SessionRevocations,
  signAccessToken,
  userOf,
  verifyAccessToken,
} from '@ticketing/common';
import { testKeys, testServers, waitFor } from '@ticketing/common/testing';
import { eq } from 'drizzle-orm';
import { Router, type Express } from 'express';
import request from 'supertest';
import { sessions } from '../src/data/schema';
import { Browser, newUser, startAuth, type AuthService } from './support';

let service: AuthService;
let otherRevocations: SessionRevocations;
/** Another service, as every service is built: common's app with its own connection to Redis. */
let otherService: Express;

beforeAll(async () => {
  // No grace: a replayed token counts as stolen at once (refresh-race.test.ts covers the grace).
  service = await startAuth({ REFRESH_REUSE_GRACE_SECONDS: '0' });
  const logger = createLogger('other', 'silent');
  otherRevocations = await SessionRevocations.connect(testServers.redisUrl, logger);
  const router = Router().get('/me', requireAuth, (req, res) => {
    res.json({ id: userOf(req).id });
  });
  otherService = createServiceApp({
    name: 'other',
    logger,
    routes: { '/api/other': router },
    auth: { publicKey: testKeys().publicKey, revocations: otherRevocations },
    secureCookies: false,
  });
});

afterAll(async () => {
  await otherRevocations.close();
  await service.close();
});

async function signedUp() {
  const browser = await new Browser(service.app).open();
  const res = await browser.post('/api/users/signup', newUser('session'));
  expect(res.status).toBe(201);
  return {
    browser,
    user: res.body as { id: string; email: string; name: string; role: 'user'; emailVerified: boolean },
  };
}

const sessionIdOf = (browser: Browser) => {
  const result = verifyAccessToken(browser.cookies.get(ACCESS_COOKIE)!, testKeys().publicKey);
  if (!result.ok) throw new Error(`no valid access token: ${result.reason}`);
  return result.user.sessionId;
};

const askOtherService = (accessToken: string) =>
  request(otherService).get('/api/other/me').set('Cookie', `${ACCESS_COOKIE}=${accessToken}`);

test('when a refresh token is used, then it is rotated and the session goes on', async () => {
  const { browser, user } = await signedUp();
  const first = browser.cookies.get(REFRESH_COOKIE)!;
  const res = await browser.post('/api/users/refresh');
  expect(res.status).toBe(204);
  expect(browser.cookies.get(REFRESH_COOKIE)).toBeDefined();
  expect(browser.cookies.get(REFRESH_COOKIE)).not.toBe(first);
  expect(await browser.currentUser()).toEqual(user);
  expect((await browser.post('/api/users/refresh')).status).toBe(204);
  const rows = await service.database.db.select().from(sessions).where(eq(sessions.userId, user.id));
  expect(rows).toHaveLength(3);
  expect(new Set(rows.map((r) => r.familyId)).size).toBe(1);
  expect(rows.filter((r) => r.revokedAt === null)).toHaveLength(1);
  expect(rows.every((r) => !JSON.stringify(r).includes(browser.cookies.get(REFRESH_COOKIE)!))).toBe(true);
});

test('when an already rotated refresh token comes back, then 401 and the whole session is dead', async () => {
  const { browser } = await signedUp();
  const stolen = browser.cookies.get(REFRESH_COOKIE)!;
  expect((await browser.post('/api/users/refresh')).status).toBe(204);
  const latestAccess = browser.cookies.get(ACCESS_COOKIE)!;

  const thief = await new Browser(service.app).open();
  thief.cookies.set(REFRESH_COOKIE, stolen);
  const reuse = await thief.post('/api/users/refresh');
  expect(reuse.status).toBe(401);
  expect(thief.cookies.has(REFRESH_COOKIE)).toBe(false);

  expect((await browser.post('/api/users/refresh')).status).toBe(401);
  const owner = await new Browser(service.app).open();
  owner.cookies.set(ACCESS_COOKIE, latestAccess);
  expect(await owner.currentUser()).toBeNull();
  await waitFor(async () => (await askOtherService(latestAccess)).status === 401);
});

test('when there is no refresh token or an unknown one, then refresh answers 401', async () => {
  const browser = await new Browser(service.app).open();
  const none = await browser.post('/api/users/refresh');
  expect(none.status).toBe(401);
  expect(none.body.errors[0].code).toBe('session_ended');
  browser.cookies.set(REFRESH_COOKIE, 'made-up-token');
  expect((await browser.post('/api/users/refresh')).status).toBe(401);
});

test('when a user signs out, then 204, the cookies are cleared and neither token works any more', async () => {
  const { browser } = await signedUp();
  const access = browser.cookies.get(ACCESS_COOKIE)!;
  const refresh = browser.cookies.get(REFRESH_COOKIE)!;
  const res = await browser.post('/api/users/signout');
  expect(res.status).toBe(204);
  expect(browser.cookies.has(ACCESS_COOKIE)).toBe(false);
  expect(browser.cookies.has(REFRESH_COOKIE)).toBe(false);

  const replay = await new Browser(service.app).open();
  replay.cookies.set(ACCESS_COOKIE, access);
  expect(await replay.currentUser()).toBeNull();
  replay.cookies.set(REFRESH_COOKIE, refresh);
  expect((await replay.post('/api/users/refresh')).status).toBe(401);
});

test('when a user signs out, then another service rejects their session within seconds', async () => {
  const { browser, user } = await signedUp();
  const access = browser.cookies.get(ACCESS_COOKIE)!;
  const before = await askOtherService(access);
  expect(before.status).toBe(200);
  expect(before.body).toEqual({ id: user.id });
  expect((await browser.post('/api/users/signout')).status).toBe(204);
  const after = await waitFor(
    async () => {
      const res = await askOtherService(access);
      return res.status === 401 ? res : undefined;
    },
    { timeoutMs: 3_000 },
  );
  expect(after.body.errors[0].code).toBe('not_authorized');
});

test('when the access token has expired, then currentuser is null and a refresh brings the user back', async () => {
  const { browser, user } = await signedUp();
  const expired = signAccessToken({ ...user, sessionId: sessionIdOf(browser) }, testKeys().privateKey, 1);
  browser.cookies.set(ACCESS_COOKIE, expired);
  await waitFor(async () => (await browser.currentUser()) === null);
  const elsewhere = await askOtherService(expired);
  expect(elsewhere.status).toBe(401);
  expect(elsewhere.body.errors[0].code).toBe('session_expired');

  expect((await browser.post('/api/users/refresh')).status).toBe(204);
  expect(await browser.currentUser()).toEqual(user);
  expect((await askOtherService(browser.cookies.get(ACCESS_COOKIE)!)).status).toBe(200);
});

test('when the access token has expired, then signing out with the refresh cookie still ends the session', async () => {
  const { browser, user } = await signedUp();
  const refresh = browser.cookies.get(REFRESH_COOKIE)!;
  browser.cookies.delete(ACCESS_COOKIE);
  expect((await browser.post('/api/users/signout')).status).toBe(204);
  const rows = await service.database.db.select().from(sessions).where(eq(sessions.userId, user.id));
  expect(rows.every((r) => r.revokedAt !== null)).toBe(true);
  browser.cookies.set(REFRESH_COOKIE, refresh);
  expect((await browser.post('/api/users/refresh')).status).toBe(401);
});

test('when nobody is signed in, then currentuser answers 200 with null and signout answers 204', async () => {
  const browser = await new Browser(service.app).open();
  const res = await browser.get('/api/users/currentuser');
  expect(res.status).toBe(200);
  expect(res.body).toEqual({ currentUser: null });
  expect((await browser.post('/api/users/signout')).status).toBe(204);
});

test('when signout is posted without the CSRF header, then 403 csrf_failed and the session lives on', async () => {
  const { browser, user } = await signedUp();
  const jar = [...browser.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  const res = await request(service.app).post('/api/users/signout').set('Cookie', jar);
  expect(res.status).toBe(403);
  expect(res.body.errors[0].code).toBe('csrf_failed');
  expect(await browser.currentUser()).toEqual(user);
});
