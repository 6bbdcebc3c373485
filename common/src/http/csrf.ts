import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { RequestHandler } from 'express';
import { CSRF_COOKIE, CSRF_HEADER } from '../auth/access-token';
import { CsrfError } from '../errors/app-error';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
/** 32 random bytes in base64url: what this middleware issues, and the only form it accepts. */
const TOKEN_BYTES = 32;
const TOKEN_FORM = /^[A-Za-z0-9_-]{43}$/;

/** A new CSRF token (the client's server-side renderer mints one the same way when it has none). */
export const newCsrfToken = (): string => randomBytes(TOKEN_BYTES).toString('base64url');
const isToken = (value: unknown): value is string => typeof value === 'string' && TOKEN_FORM.test(value);

export interface CsrfOptions {
  secure: boolean;
  /** Paths (req.path, exact) that authenticate otherwise, e.g. a signed webhook. */
  exempt?: string[];
}

/**
 * Double-submit CSRF: a readable cookie (issued on the first request that lacks one) must be echoed in
 * the x-csrf-token header of every mutating request. A cross-site page can send the cookie but not read it.
 * Tokens are 32 random bytes, compared in constant time; anything shorter or of another form is refused.
 */
export function csrf({ secure, exempt = [] }: CsrfOptions): RequestHandler {
  return (req, res, next) => {
    const cookie: unknown = req.cookies?.[CSRF_COOKIE];
    if (!isToken(cookie)) {
      res.cookie(CSRF_COOKIE, newCsrfToken(), {
        httpOnly: false,
        sameSite: 'lax',
        secure,
        path: '/',
      });
    }
    if (SAFE_METHODS.has(req.method) || exempt.includes(req.originalUrl.split('?')[0]!)) return next();
    const header = req.get(CSRF_HEADER);
    // A short or forged cookie (one a sibling subdomain could plant) is no token: only our form counts.
    if (!isToken(cookie) || !isToken(header) || !sameToken(cookie, header)) throw new CsrfError();
    next();
  };
}

/** Both have the token's fixed length here, so the comparison takes the same time whatever they hold. */
const sameToken = (a: string, b: string): boolean => timingSafeEqual(Buffer.from(a), Buffer.from(b));
