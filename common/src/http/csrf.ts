import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { RequestHandler } from 'express';
import { CSRF_COOKIE, CSRF_HEADER } from '../auth/access-token';
import { CsrfError } from '../errors/app-error';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export interface CsrfOptions {
  secure: boolean;
  /** Paths (req.path, exact) that authenticate otherwise, e.g. a signed webhook. */
  exempt?: string[];
}

/**
 * Double-submit CSRF: a readable cookie (issued on the first request that lacks one) must be echoed in
 * the x-csrf-token header of every mutating request. A cross-site page can send the cookie but not read it.
 */
export function csrf({ secure, exempt = [] }: CsrfOptions): RequestHandler {
  return (req, res, next) => {
    const cookie: unknown = req.cookies?.[CSRF_COOKIE];
    if (typeof cookie !== 'string' || cookie.length < 16) {
      res.cookie(CSRF_COOKIE, randomBytes(32).toString('base64url'), {
        httpOnly: false,
        sameSite: 'lax',
        secure,
        path: '/',
      });
    }
    if (SAFE_METHODS.has(req.method) || exempt.includes(req.originalUrl.split('?')[0]!)) return next();
    const header = req.get(CSRF_HEADER);
    if (typeof cookie !== 'string' || !header || !sameToken(cookie, header)) throw new CsrfError();
    next();
  };
}

function sameToken(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}
