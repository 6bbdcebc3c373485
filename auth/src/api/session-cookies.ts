import { ACCESS_COOKIE, REFRESH_COOKIE } from '@ticketing/common';
import type { CookieOptions, Response } from 'express';

export interface SessionCookieOptions {
  secure: boolean;
  /** Where the refresh cookie is sent: auth's own routes, nowhere else. */
  refreshPath: string;
  refreshTtlSeconds: number;
}

export type SessionCookies = ReturnType<typeof sessionCookies>;

export function sessionCookies({ secure, refreshPath, refreshTtlSeconds }: SessionCookieOptions) {
  const access: CookieOptions = { httpOnly: true, sameSite: 'lax', secure, path: '/' };
  const refresh: CookieOptions = { httpOnly: true, sameSite: 'strict', secure, path: refreshPath };
  // The access cookie outlives its token so that services see an *expired* token (and say so) rather than none.
  const maxAge = refreshTtlSeconds * 1000;
  return {
    set(res: Response, tokens: { accessToken: string; refreshToken: string }) {
      res.cookie(ACCESS_COOKIE, tokens.accessToken, { ...access, maxAge });
      res.cookie(REFRESH_COOKIE, tokens.refreshToken, { ...refresh, maxAge });
    },
    clear(res: Response) {
      res.clearCookie(ACCESS_COOKIE, access);
      res.clearCookie(REFRESH_COOKIE, refresh);
    },
  };
}
