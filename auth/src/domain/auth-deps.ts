import type { Db, Logger, SessionRevocations } from '@ticketing/common';
import type { AccountLockout } from './account-lockout';

export interface TokenSettings {
  privateKey: string;
  accessTtlSeconds: number;
  refreshTtlSeconds: number;
  /** A rotated refresh token presented again this soon (a second tab) gets its successor, not a revocation. */
  reuseGraceSeconds: number;
}

/** Everything the use cases need, built once in app.ts. */
export interface AuthDeps {
  db: Db;
  revocations: Pick<SessionRevocations, 'revoke'>;
  lockout: AccountLockout;
  tokens: TokenSettings;
  /** How long a password-reset link works. */
  resetTokenTtlSeconds: number;
  /** How long an email-verification link works. */
  verifyTokenTtlSeconds: number;
  logger: Logger;
}

/** Where a request came from, recorded with its session. */
export interface ClientInfo {
  ip?: string;
  userAgent?: string;
}
