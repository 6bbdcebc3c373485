import { sessionsRepository } from '../data/sessions.repository';
import { usersRepository } from '../data/users.repository';
import type { AuthDeps, ClientInfo } from './auth-deps';
import { SessionEndedError } from './errors';
import { continueSession, hashRefreshToken, revokeEverywhere, type IssuedSession } from './sessions';

type Outcome =
  { kind: 'rotated'; session: IssuedSession } | { kind: 'reused'; familyId: string } | { kind: 'ended' };

/**
 * Exchanges a refresh token for a new one (and a new access token). A token that was already exchanged
 * means it was copied: the whole family is revoked, so neither the thief's nor the owner's copy works.
 */
export async function refreshSession(
  deps: AuthDeps,
  refreshToken: string | undefined,
  client: ClientInfo,
): Promise<IssuedSession> {
  if (!refreshToken) throw new SessionEndedError();
  const now = new Date();
  const outcome = await deps.db.transaction(async (tx): Promise<Outcome> => {
    const row = await sessionsRepository.lockByTokenHash(tx, hashRefreshToken(refreshToken));
    if (!row) return { kind: 'ended' };
    if (row.replacedBy) {
      await sessionsRepository.revokeFamily(tx, row.familyId, now);
      return { kind: 'reused', familyId: row.familyId };
    }
    if (row.revokedAt || row.expiresAt <= now) return { kind: 'ended' };
    const user = await usersRepository.findById(tx, row.userId);
    if (!user) return { kind: 'ended' };
    // The new access token carries the user as they are now (e.g. just made admin).
    const session = await continueSession(tx, user, row.familyId, client, deps.tokens);
    await sessionsRepository.markReplaced(tx, row.id, session.rowId, now);
    return { kind: 'rotated', session };
  });
  if (outcome.kind === 'reused') {
    await revokeEverywhere(deps, outcome.familyId);
    deps.logger.warn({ familyId: outcome.familyId, ip: client.ip }, 'refresh token reused: session revoked');
  }
  if (outcome.kind !== 'rotated') throw new SessionEndedError();
  return outcome.session;
}
