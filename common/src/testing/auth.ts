import { generateKeyPairSync, randomUUID } from 'node:crypto';
import { newCsrfToken } from '../http/csrf';
import {
  ACCESS_COOKIE,
  CSRF_COOKIE,
  CSRF_HEADER,
  signAccessToken,
  type CurrentUser,
} from '../auth/access-token';

let keys: { publicKey: string; privateKey: string } | undefined;

/** An ES256 key pair made for this test process (nothing committed, nothing shared). */
export function testKeys(): { publicKey: string; privateKey: string } {
  keys ??= generateKeyPairSync('ec', {
    namedCurve: 'P-256',
    publicKeyEncoding: { type: 'spki', format: 'pem' },
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
  });
  return keys;
}

export interface SignedIn {
  user: CurrentUser;
  /** Cookie header value: access token + CSRF cookie. */
  cookie: string;
  /** Headers for a mutating request: Cookie and the matching x-csrf-token. */
  headers: Record<string, string>;
}

/** A signed-in user without going through auth: a token signed with the test key pair. */
export function signIn(overrides: Partial<CurrentUser> = {}, ttlSeconds = 900): SignedIn {
  const id = overrides.id ?? randomUUID();
  const user: CurrentUser = {
    id,
    email: `user-${id.slice(0, 8)}@example.test`,
    name: 'Test User',
    role: 'user',
    sessionId: randomUUID(),
    emailVerified: true,
    ...overrides,
  };
  const token = signAccessToken(user, testKeys().privateKey, ttlSeconds);
  const csrf = newCsrfToken();
  const cookie = `${ACCESS_COOKIE}=${token}; ${CSRF_COOKIE}=${csrf}`;
  return { user, cookie, headers: { Cookie: cookie, [CSRF_HEADER]: csrf } };
}

/** Headers for an anonymous mutating request that passes the CSRF check. */
export function anonymousCsrf(): Record<string, string> {
  const csrf = newCsrfToken();
  return { Cookie: `${CSRF_COOKIE}=${csrf}`, [CSRF_HEADER]: csrf };
}
