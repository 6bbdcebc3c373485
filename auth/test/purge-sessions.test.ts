import { REFRESH_COOKIE } from '@ticketing/common';
import { eq, sql } from 'drizzle-orm';
import { forThisFile } from '@ticketing/common/testing';
import { sessions } from '../src/data/schema';
import { hashToken } from '../src/domain/sessions';
import { Browser, newUser, startAuth } from './support';

const service = forThisFile(startAuth);

async function signedUp(): Promise<Browser> {
  const browser = await new Browser(service.app).open();
  expect((await browser.post('/api/users/signup', newUser('purge'))).status).toBe(201);
  return browser;
}

const rowOf = async (token: string) =>
  (
    await service.database.db
      .select()
      .from(sessions)
      .where(eq(sessions.refreshTokenHash, hashToken(token)))
  )[0];

const twoDaysAgo = sql`now() - interval '2 days'`;
const backdate = (token: string, set: { revokedAt?: typeof twoDaysAgo; expiresAt?: typeof twoDaysAgo }) =>
  service.database.db
    .update(sessions)
    .set(set)
    .where(eq(sessions.refreshTokenHash, hashToken(token)));

test('when the sessions purge runs, then long-ended sessions go and live or recently ended ones stay', async () => {
  // A live session whose first token was rotated two days ago: that row still detects a stolen copy.
  const live = await signedUp();
  const rotated = live.cookies.get(REFRESH_COOKIE)!;
  expect((await live.post('/api/users/refresh')).status).toBe(204);
  await backdate(rotated, { revokedAt: twoDaysAgo });
  // Signed out two days ago, signed out just now, and expired two days ago.
  const longGone = await signedUp();
  const longGoneToken = longGone.cookies.get(REFRESH_COOKIE)!;
  expect((await longGone.post('/api/users/signout')).status).toBe(204);
  await backdate(longGoneToken, { revokedAt: twoDaysAgo });
  const justLeft = await signedUp();
  const justLeftToken = justLeft.cookies.get(REFRESH_COOKIE)!;
  expect((await justLeft.post('/api/users/signout')).status).toBe(204);
  const expired = (await signedUp()).cookies.get(REFRESH_COOKIE)!;
  await backdate(expired, { expiresAt: twoDaysAgo });

  const purge = service.jobs.find((job) => job.name === 'sessions purge')!;
  expect(await purge.runNow()).toBe(2);
  expect(await rowOf(longGoneToken)).toBeUndefined();
  expect(await rowOf(expired)).toBeUndefined();
  expect(await rowOf(rotated)).toBeDefined();
  expect(await rowOf(justLeftToken)).toBeDefined();
  expect(await rowOf(live.cookies.get(REFRESH_COOKIE)!)).toBeDefined();
  // The rotated row kept its job: replayed now, it is reuse and ends the live session.
  const thief = await new Browser(service.app).open();
  thief.cookies.set(REFRESH_COOKIE, rotated);
  expect((await thief.post('/api/users/refresh')).status).toBe(401);
  expect((await live.post('/api/users/refresh')).status).toBe(401);
});
