import {
  ACCESS_COOKIE,
  createLogger,
  createServiceApp,
  requireAuth,
  SessionRevocations,
} from '@ticketing/common';
import { forThisFile, signIn as mintAdmin, testKeys, testServers, waitFor } from '@ticketing/common/testing';
import { Router } from 'express';
import request from 'supertest';
import { Browser, signedUp, startAuth } from './support';

const service = forThisFile(startAuth);

const asAdmin = (path: string) => {
  const admin = mintAdmin({ role: 'admin' });
  return request(service.app).post(path).set(admin.headers);
};

test('when an admin locks a user, then their sessions end, the right password answers 403 account_locked, and unlock lets them back in', async () => {
  const { user, browser, id } = await signedUp(service.app, 'locked');
  const locked = await asAdmin(`/api/users/admin/users/${id}/lock`);
  expect(locked.status).toBe(200);
  expect(locked.body).toMatchObject({ id, email: user.email, locked: true });

  // The old session cannot refresh, and its access token is revoked for every service.
  expect((await browser.post('/api/users/refresh')).status).toBe(401);
  const signIn = await (await new Browser(service.app).open()).post('/api/users/signin', user);
  expect(signIn.status).toBe(403);
  expect(signIn.body.errors).toEqual([{ code: 'account_locked', message: expect.any(String) }]);
  const wrong = await (
    await new Browser(service.app).open()
  ).post('/api/users/signin', {
    email: user.email,
    password: 'not-the-password',
  });
  expect(wrong.status).toBe(401);
  expect(wrong.body.errors[0].code).toBe('invalid_credentials');

  const unlocked = await asAdmin(`/api/users/admin/users/${id}/unlock`);
  expect(unlocked.body).toMatchObject({ id, locked: false });
  expect((await (await new Browser(service.app).open()).post('/api/users/signin', user)).status).toBe(200);
});

test('when a user is locked, then another service rejects their access token within seconds', async () => {
  const { browser, id } = await signedUp(service.app, 'revoked');
  const access = `${ACCESS_COOKIE}=${browser.cookies.get(ACCESS_COOKIE)!}`;
  const logger = createLogger('other', 'silent');
  const revocations = await SessionRevocations.connect(testServers.redisUrl, logger);
  const other = createServiceApp({
    name: 'other',
    logger,
    routes: { '/api/other': Router().get('/me', requireAuth, (_req, res) => void res.json({})) },
    auth: { publicKey: testKeys().publicKey, revocations },
    secureCookies: false,
  });
  const ask = async () => (await request(other).get('/api/other/me').set('Cookie', access)).status;
  try {
    expect(await ask()).toBe(200);
    await asAdmin(`/api/users/admin/users/${id}/lock`);
    await waitFor(async () => (await ask()) === 401, { timeoutMs: 5_000 });
  } finally {
    await revocations.close();
  }
});

test('when a non-admin calls the admin routes, then 403; an admin lists users and cannot lock themselves', async () => {
  const { id, browser } = await signedUp(service.app, 'plain');
  expect((await browser.post(`/api/users/admin/users/${id}/lock`)).status).toBe(403);
  expect((await browser.get('/api/users/admin/users')).status).toBe(403);

  const admin = mintAdmin({ role: 'admin' });
  const list = await request(service.app).get('/api/users/admin/users?limit=100').set('Cookie', admin.cookie);
  expect(list.status).toBe(200);
  expect(list.body.items.map((u: { id: string }) => u.id)).toContain(id);
  expect(list.body.items[0]).not.toHaveProperty('passwordHash');
  const self = await request(service.app)
    .post(`/api/users/admin/users/${admin.user.id}/lock`)
    .set(admin.headers);
  expect(self.status).toBe(400);
  expect(self.body.errors[0].code).toBe('cannot_lock_self');
  const unknown = await asAdmin('/api/users/admin/users/00000000-0000-4000-8000-000000000000/lock');
  expect(unknown.status).toBe(404);
});
