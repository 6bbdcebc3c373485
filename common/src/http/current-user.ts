import type { RequestHandler } from 'express';
import { ACCESS_COOKIE, verifyAccessToken, type CurrentUser, type UserRole } from '../auth/access-token';
import type { SessionRevocations } from '../auth/revocations';
import {
  EmailNotVerifiedError,
  ForbiddenError,
  NotAuthorizedError,
  SessionExpiredError,
} from '../errors/app-error';

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace Express {
    interface Request {
      currentUser?: CurrentUser;
      /** Why there is no current user although a token was sent: lets clients refresh on 'expired'. */
      authFailure?: 'expired' | 'invalid' | 'revoked';
      rawBody?: Buffer;
    }
  }
}

export interface CurrentUserOptions {
  publicKey: string;
  revocations: Pick<SessionRevocations, 'isRevoked'>;
}

/** Verifies the access-token cookie locally (no call to auth) and rejects revoked sessions. */
export function currentUser({ publicKey, revocations }: CurrentUserOptions): RequestHandler {
  return (req, _res, next) => {
    const token: unknown = req.cookies?.[ACCESS_COOKIE];
    if (typeof token !== 'string' || token === '') return next();
    const result = verifyAccessToken(token, publicKey);
    if (!result.ok) req.authFailure = result.reason;
    else if (revocations.isRevoked(result.user.sessionId)) req.authFailure = 'revoked';
    else req.currentUser = result.user;
    next();
  };
}

/** Why a request has no user: an expired token asks the client to refresh, anything else to sign in. */
const unauthenticated = (req: { authFailure?: string }) =>
  req.authFailure === 'expired' ? new SessionExpiredError() : new NotAuthorizedError();

export const requireAuth: RequestHandler = (req, _res, next) => {
  if (!req.currentUser) throw unauthenticated(req);
  next();
};

export function requireRole(role: UserRole): RequestHandler {
  return (req, _res, next) => {
    if (!req.currentUser) throw unauthenticated(req);
    if (req.currentUser.role !== role) throw new ForbiddenError();
    next();
  };
}

/** Signed in with a confirmed email address (what publishing something for others to see asks). */
export const requireVerifiedEmail: RequestHandler = (req, _res, next) => {
  if (!req.currentUser) throw unauthenticated(req);
  if (!req.currentUser.emailVerified) throw new EmailNotVerifiedError();
  next();
};

/** The signed-in user of a request behind requireAuth. */
export function userOf(req: { currentUser?: CurrentUser; authFailure?: string }): CurrentUser {
  if (!req.currentUser) throw unauthenticated(req);
  return req.currentUser;
}
