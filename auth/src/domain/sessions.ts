import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { signAccessToken, type Executor } from '@ticketing/common';
import { sessionsRepository } from '../data/sessions.repository';
import type { UserRow } from '../data/schema';
import type { AuthDeps, ClientInfo, TokenSettings } from './auth-deps';
import { toPublicUser, type PublicUser } from './user';

export interface IssuedSession {
  user: PublicUser;
  accessToken: string;
  refreshToken: string;
  /** The row of this refresh token (the family id stays the same across rotations). */
  rowId: string;
}

/**
 * A bearer token (refresh token, password-reset token) as stored: only its hash, so a leaked table signs
 * nobody in and resets nobody's password.
 */
export const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex');

/** A new sign-in: a new family, whose id is the `sid` of every access token it issues. */
export function startSession(tx: Executor, user: UserRow, client: ClientInfo, tokens: TokenSettings) {
  const id = randomUUID();
  return issueToken(tx, user, { id, familyId: id }, client, tokens);
}

/** The next refresh token of an existing family. */
export function continueSession(
  tx: Executor,
  user: UserRow,
  familyId: string,
  client: ClientInfo,
  tokens: TokenSettings,
) {
  return issueToken(tx, user, { id: randomUUID(), familyId }, client, tokens);
}

/** The same refresh token again (a grace replay), with a fresh access token for the user as they are now. */
export function reissueSession(
  user: UserRow,
  refreshToken: string,
  row: { id: string; familyId: string },
  tokens: TokenSettings,
): IssuedSession {
  const publicUser = toPublicUser(user);
  const accessToken = signAccessToken(
    { ...publicUser, sessionId: row.familyId },
    tokens.privateKey,
    tokens.accessTtlSeconds,
  );
  return { user: publicUser, accessToken, refreshToken, rowId: row.id };
}

async function issueToken(
  tx: Executor,
  user: UserRow,
  { id, familyId }: { id: string; familyId: string },
  client: ClientInfo,
  tokens: TokenSettings,
): Promise<IssuedSession> {
  const refreshToken = randomBytes(32).toString('base64url');
  const now = Date.now();
  await sessionsRepository.insert(tx, {
    id,
    familyId,
    userId: user.id,
    refreshTokenHash: hashToken(refreshToken),
    expiresAt: new Date(now + tokens.refreshTtlSeconds * 1000),
    userAgent: client.userAgent?.slice(0, 512) ?? null,
    ip: client.ip ?? null,
    lastUsedAt: new Date(now),
  });
  return reissueSession(user, refreshToken, { id, familyId }, tokens);
}

/** Tells every service to reject the family's access tokens until the last of them has expired anyway. */
export async function revokeEverywhere(deps: AuthDeps, familyId: string): Promise<void> {
  await deps.revocations.revoke(familyId, Date.now() + deps.tokens.accessTtlSeconds * 1000);
}
