import { randomUUID } from 'node:crypto';
import { ACCESS_COOKIE, CSRF_COOKIE, CSRF_HEADER, newCsrfToken, signAccessToken } from '@ticketing/common';

export interface LoadUser {
  id: string;
  email: string;
  name: string;
  /** Cookie (access token + CSRF cookie) and the matching x-csrf-token header. */
  headers: Record<string, string>;
}

/**
 * Signed-in users without the sign-up/sign-in routes (whose per-address limits a load test would trip):
 * access tokens signed with the platform's dev key, exactly as auth signs them. Services only verify the
 * token and consult the revocation set, so a fresh session id is as good as one auth handed out.
 */
export function mintUsers(count: number, privateKey: string, role: string): LoadUser[] {
  return Array.from({ length: count }, (_, i) => {
    const id = randomUUID();
    const email = `${role}-${i}-${id.slice(0, 8)}@bench.test`;
    const name = `${role} ${i}`;
    const token = signAccessToken(
      {
        id,
        email,
        name,
        role: 'user',
        sessionId: randomUUID(),
        emailVerified: true,
      },
      privateKey,
      3_600,
    );
    const csrf = newCsrfToken();
    return {
      id,
      email,
      name,
      headers: { cookie: `${ACCESS_COOKIE}=${token}; ${CSRF_COOKIE}=${csrf}`, [CSRF_HEADER]: csrf },
    };
  });
}
