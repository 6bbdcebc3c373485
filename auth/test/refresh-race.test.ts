import { ACCESS_COOKIE, REFRESH_COOKIE } from '@ticketing/common';
import { eq, sql } from 'drizzle-orm';
import { forThisFile } from '@ticketing/common/testing';
import { sessions } from '../src/data/schema';
import { hashToken } from '../src/domain/sessions';
import { Browser, newUser, startAuth } from './support';

const GRACE_SECONDS = 10;
const ROUNDS = 5;
const service = forThisFile(() => startAuth({ REFRESH_REUSE_GRACE_SECONDS: String(GRACE_SECONDS) }));

async function signedUp(): Promise<Browser> {
  const browser = await new Browser(service.app).open();
  expect((await browser.post('/api/users/signup', newUser('tabs'))).status).toBe(201);
  return browser;
}

/** A second tab of the same browser: the same cookies at the moment it starts. */
function tabOf(browser: Browser): Browser {
  const tab = new Browser(service.app, browser.ip);
  for (const [name, value] of browser.cookies) tab.cookies.set(name, value);
  return tab;
}

test('when two tabs refresh with one token at the same moment, then both succeed and the session lives on', async () => {
  const first = await signedUp();
  for (let round = 0; round < ROUNDS; round++) {
    const second = tabOf(first);
    const [a, b] = await Promise.all([first.post('/api/users/refresh'), second.post('/api/users/refresh')]);
    expect([a.status, b.status]).toEqual([204, 204]);
    // Both tabs hold the same new refresh token, whichever answer the browser kept.
    expect(second.cookies.get(REFRESH_COOKIE)).toBe(first.cookies.get(REFRESH_COOKIE));
    expect(await first.currentUser()).not.toBeNull();
    expect(await second.currentUser()).not.toBeNull();
  }
  expect((await first.post('/api/users/refresh')).status).toBe(204);
});

test('when a rotated token comes back after the grace, then it is reuse: 401 and the session is revoked', async () => {
  const owner = await signedUp();
  const stolen = owner.cookies.get(REFRESH_COOKIE)!;
  expect((await owner.post('/api/users/refresh')).status).toBe(204);
  // The rotation happened longer ago than the grace.
  await service.database.db
    .update(sessions)
    .set({ revokedAt: sql`now() - make_interval(secs => ${GRACE_SECONDS + 1})` })
    .where(eq(sessions.refreshTokenHash, hashToken(stolen)));
  const thief = await new Browser(service.app).open();
  thief.cookies.set(REFRESH_COOKIE, stolen);
  expect((await thief.post('/api/users/refresh')).status).toBe(401);
  expect((await owner.post('/api/users/refresh')).status).toBe(401);
  expect(owner.cookies.has(ACCESS_COOKIE)).toBe(false);
});
