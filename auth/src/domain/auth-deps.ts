import type { Db, Logger, SessionRevocations } from '@ticketing/common';
import type { AccountLockout } from './account-lockout';

export interface TokenSettings {
  privateKey: string;
  accessTtlSeconds: number;
  refreshTtlSeconds: number;
}

/** Everything the use cases need, built once in app.ts. */
export interface AuthDeps {
  db: Db;
  revocations: Pick<SessionRevocations, 'revoke'>;
  lockout: AccountLockout;
  tokens: TokenSettings;
  logger: Logger;
}

/** Where a request came from, recorded with its session. */
export interface ClientInfo {
  ip?: string;
  userAgent?: string;
}
