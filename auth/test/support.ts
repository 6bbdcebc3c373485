import { randomBytes, randomInt } from 'node:crypto';
import { CSRF_COOKIE, CSRF_HEADER } from '@ticketing/common';
import { startTestService, uniqueSuffix, type TestService } from '@ticketing/common/testing';
import { eq } from 'drizzle-orm';
import type { Express } from 'express';
import request, { type Response, type Test } from 'supertest';
import { authService } from '../src/app';
import { loadServiceConfig, type Config } from '../src/config';
import type { emailVerifications, passwordResets } from '../src/data/schema';

export type AuthService = TestService<Config>;

/** Auth on a fresh database, with rate-limit counters nobody else sees and limits tests do not trip over. */
export function startAuth(overrides: Record<string, string> = {}): Promise<AuthService> {
  return startTestService(authService, (env) => loadServiceConfig(env), {
    RATE_LIMIT_PREFIX: `auth-test-${uniqueSuffix()}`,
    SIGNIN_IP_LIMIT_PER_MINUTE: '10000',
    SIGNUP_IP_LIMIT_PER_HOUR: '10000',
    ...overrides,
  });
}

export const newUser = (label = 'user') => ({
  email: `${label}-${uniqueSuffix()}@example.test`,
  // Unique per user, so a test can search for it in responses and logs.
  password: `pw-${randomBytes(9).toString('base64url')}`,
  name: `Test ${label}`,
});

/** A new user signed up through the API, with the browser that did it (holding their session). */
export async function signedUp(app: Express, label: string) {
  const user = newUser(label);
  const browser = await new Browser(app).open();
  const res = await browser.post('/api/users/signup', user);
  expect(res.status).toBe(201);
  return { user, browser, id: res.body.id as string };
}

/**
 * Checks an event that mails a one-time link (address verification, password reset) to a user (as signedUp
 * answers them): it names the user and carries a token that expires `lifetimeMs` after `since` or at most a
 * minute later (the request's own time), and `table` holds one row for the user with a hash of the token,
 * never the token itself.
 */
export async function expectOneTimeToken(
  service: AuthService,
  table: typeof emailVerifications | typeof passwordResets,
  event: { token: string; expiresAt: string },
  { user, id }: { user: { email: string }; id: string },
  { since, lifetimeMs }: { since: number; lifetimeMs: number },
): Promise<void> {
  const { email } = user;
  expect(event).toEqual({ userId: id, email, token: expect.any(String), expiresAt: expect.any(String) });
  const ttl = Date.parse(event.expiresAt) - since;
  expect(ttl).toBeGreaterThanOrEqual(lifetimeMs);
  expect(ttl).toBeLessThanOrEqual(lifetimeMs + 60_000);
  const rows = await service.database.db.select().from(table).where(eq(table.userId, id));
  expect(rows).toHaveLength(1);
  expect(rows[0]!.tokenHash).not.toContain(event.token);
}

/** A documentation-range address, so each browser is a client of its own for the per-IP limits. */
// From 198.18.0.0/15 (for tests): 65,000 addresses, so two browsers of one file (sharing its rate limits)
// hardly ever get the same one; 254 addresses made a per-address limit fail now and then.
export const randomIp = () => `198.${randomInt(18, 20)}.${randomInt(0, 256)}.${randomInt(1, 255)}`;

export const setCookies = (res: Response): string[] => {
  const header = res.headers['set-cookie'] as unknown;
  return Array.isArray(header) ? (header as string[]) : typeof header === 'string' ? [header] : [];
};

export const setCookie = (res: Response, name: string): string | undefined =>
  setCookies(res).find((c) => c.startsWith(`${name}=`));

/** A minimal cookie-keeping client: what a browser does with auth's cookies, the CSRF one included. */
export class Browser {
  readonly cookies = new Map<string, string>();

  constructor(
    /** The app in-process, or the base URL of a running auth process. */
    private readonly app: Express | string,
    readonly ip = randomIp(),
  ) {}

  /** Any first request hands out the CSRF cookie, as it would to a page loading. */
  async open(): Promise<this> {
    await this.get('/api/users/currentuser');
    return this;
  }

  get(path: string): Promise<Response> {
    return this.send(request(this.app).get(path));
  }

  post(path: string, body?: object): Promise<Response> {
    const req = request(this.app)
      .post(path)
      .set(CSRF_HEADER, this.cookies.get(CSRF_COOKIE) ?? '');
    return this.send(body ? req.send(body) : req);
  }

  async currentUser(): Promise<unknown> {
    return (await this.get('/api/users/currentuser')).body.currentUser;
  }

  private async send(req: Test): Promise<Response> {
    const jar = [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
    const res = await req.set('X-Forwarded-For', this.ip).set('Cookie', jar);
    for (const line of setCookies(res)) {
      const [pair] = line.split(';');
      const [name, ...value] = pair!.split('=');
      const joined = value.join('=');
      if (joined === '') this.cookies.delete(name!);
      else this.cookies.set(name!, joined);
    }
    return res;
  }
}
