import { ACCESS_COOKIE, REFRESH_COOKIE } from '@ticketing/common';
import { Browser, newUser, setCookie, startAuth, type AuthService } from './support';

let local: AuthService;
let production: AuthService;

beforeAll(async () => {
  [local, production] = await Promise.all([startAuth(), startAuth({ APP_ENV: 'production' })]);
});

afterAll(async () => {
  await Promise.all([local.close(), production.close()]);
});

const attributes = (cookie: string | undefined) =>
  (cookie ?? '')
    .split(';')
    .slice(1)
    .map((part) => part.trim().toLowerCase());

test('when a user signs up locally, then the access cookie is HttpOnly, SameSite=Lax, path / and not Secure', async () => {
  const res = await (await new Browser(local.app).open()).post('/api/users/signup', newUser('cookies'));
  expect(res.status).toBe(201);
  const access = attributes(setCookie(res, ACCESS_COOKIE));
  expect(access).toEqual(expect.arrayContaining(['httponly', 'samesite=lax', 'path=/']));
  expect(access).not.toContain('secure');
});

test('when a user signs in locally, then the refresh cookie is HttpOnly, SameSite=Strict and only for /api/users', async () => {
  const user = newUser('refresh-cookie');
  await (await new Browser(local.app).open()).post('/api/users/signup', user);
  const res = await (await new Browser(local.app).open()).post('/api/users/signin', user);
  expect(res.status).toBe(200);
  const refresh = attributes(setCookie(res, REFRESH_COOKIE));
  expect(refresh).toEqual(expect.arrayContaining(['httponly', 'samesite=strict', 'path=/api/users']));
  expect(refresh).not.toContain('secure');
  expect(refresh.find((a) => a.startsWith('max-age='))).toBe(`max-age=${30 * 24 * 3600}`);
});

test('when APP_ENV is production, then both session cookies are Secure', async () => {
  const res = await (await new Browser(production.app).open()).post('/api/users/signup', newUser('secure'));
  expect(res.status).toBe(201);
  expect(attributes(setCookie(res, ACCESS_COOKIE))).toContain('secure');
  expect(attributes(setCookie(res, REFRESH_COOKIE))).toContain('secure');
});

test('when a user signs out, then both cookies are expired on the paths they were set for', async () => {
  const browser = await new Browser(local.app).open();
  await browser.post('/api/users/signup', newUser('clear'));
  const res = await browser.post('/api/users/signout');
  expect(res.status).toBe(204);
  const access = setCookie(res, ACCESS_COOKIE)!;
  const refresh = setCookie(res, REFRESH_COOKIE)!;
  expect(access).toMatch(/^access_token=;/);
  expect(access).toMatch(/Expires=Thu, 01 Jan 1970/);
  expect(attributes(access)).toContain('path=/');
  expect(refresh).toMatch(/^refresh_token=;/);
  expect(attributes(refresh)).toContain('path=/api/users');
});
