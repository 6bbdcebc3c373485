import { handle, REFRESH_COOKIE, requireAuth, userOf } from '@ticketing/common';
import { Router, type Request, type RequestHandler } from 'express';
import type { AuthDeps, ClientInfo } from '../domain/auth-deps';
import { confirmEmailVerification, resendEmailVerification } from '../domain/email-verification';
import { SessionEndedError } from '../domain/errors';
import { confirmPasswordReset, requestPasswordReset } from '../domain/password-reset';
import { refreshSession } from '../domain/refresh-session';
import { signIn } from '../domain/sign-in';
import { signOut } from '../domain/sign-out';
import { signUp } from '../domain/sign-up';
import { adminRoutes } from './admin.router';
import type { SessionCookies } from './session-cookies';
import * as api from './users.operations';

export const USERS_PATH = '/api/users';

export interface RouteLimits {
  signIn: RequestHandler;
  signUp: RequestHandler;
  resetPerIp: RequestHandler;
  /** Keyed by the parsed body's email, so it runs after validation. */
  resetPerEmail: RequestHandler;
  verifyPerIp: RequestHandler;
  verifyResendPerUser: RequestHandler;
}

const clientOf = (req: Request): ClientInfo => ({ ip: req.ip, userAgent: req.get('user-agent') });

const refreshTokenOf = (req: Request): string | undefined => {
  const token: unknown = req.cookies?.[REFRESH_COOKIE];
  return typeof token === 'string' && token !== '' ? token : undefined;
};

export function usersRouter(deps: AuthDeps, limits: RouteLimits, cookies: SessionCookies): Router {
  const router = Router();

  handle(router, api.signUp, limits.signUp, async (req, res) => {
    const session = await signUp(deps, req.body, clientOf(req));
    cookies.set(res, session);
    res.status(201).json(session.user);
  });

  handle(router, api.signIn, limits.signIn, async (req, res) => {
    const session = await signIn(deps, req.body, clientOf(req));
    cookies.set(res, session);
    res.status(200).json(session.user);
  });

  handle(router, api.requestPasswordReset, limits.resetPerIp, limits.resetPerEmail, async (req, res) => {
    await requestPasswordReset(deps, req.body.email);
    // The same answer whether or not the account exists.
    res.status(202).end();
  });

  handle(router, api.confirmPasswordReset, limits.resetPerIp, async (req, res) => {
    await confirmPasswordReset(deps, req.body);
    res.status(204).end();
  });

  handle(router, api.confirmEmailVerification, limits.verifyPerIp, async (req, res) => {
    await confirmEmailVerification(deps, req.body.token);
    res.status(204).end();
  });

  handle(router, api.resendEmailVerification, requireAuth, limits.verifyResendPerUser, async (req, res) => {
    await resendEmailVerification(deps, userOf(req).id);
    res.status(202).end();
  });

  handle(router, api.signOut, async (req, res) => {
    await signOut(deps, { sessionId: req.currentUser?.sessionId, refreshToken: refreshTokenOf(req) });
    cookies.clear(res);
    res.status(204).end();
  });

  handle(router, api.refresh, async (req, res) => {
    try {
      cookies.set(res, await refreshSession(deps, refreshTokenOf(req), clientOf(req)));
    } catch (err) {
      // A dead session's cookies are dropped, so the client stops retrying with them.
      if (err instanceof SessionEndedError) cookies.clear(res);
      throw err;
    }
    res.status(204).end();
  });

  handle(router, api.currentUser, (req, res) => {
    const user = req.currentUser;
    res.json({
      currentUser: user
        ? {
            id: user.id,
            email: user.email,
            name: user.name,
            role: user.role,
            emailVerified: user.emailVerified,
          }
        : null,
    });
  });

  adminRoutes(router, deps);
  return router;
}
