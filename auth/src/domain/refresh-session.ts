import type { Executor } from '@ticketing/common';
import type { SessionRow } from '../data/schema';
import { sessionsRepository } from '../data/sessions.repository';
import { usersRepository } from '../data/users.repository';
import type { AuthDeps, ClientInfo } from './auth-deps';
import { SessionEndedError } from './errors';
import { continueSession, hashToken, reissueSession, revokeEverywhere, type IssuedSession } from './sessions';
import { openSuccessor, sealSuccessor } from './successor-seal';

type Outcome =
  { kind: 'rotated'; session: IssuedSession } | { kind: 'reused'; familyId: string } | { kind: 'ended' };

/**
 * Exchanges a refresh token for a new one (and a new access token). A token that was already exchanged
 * means it was copied: the whole family is revoked, so neither the thief's nor the owner's copy works —
 * unless it comes back within the grace (two tabs refreshing at once), when it gets the same successor.
 */
export async function refreshSession(
  deps: AuthDeps,
  refreshToken: string | undefined,
  client: ClientInfo,
): Promise<IssuedSession> {
  if (!refreshToken) throw new SessionEndedError();
  const now = new Date();
  const outcome = await deps.db.transaction(async (tx): Promise<Outcome> => {
    const row = await sessionsRepository.lockByTokenHash(tx, hashToken(refreshToken));
    if (!row) return { kind: 'ended' };
    if (row.replacedBy) {
      if (withinGrace(row, now, deps.tokens.reuseGraceSeconds))
        return replayWithinGrace(tx, deps, row, refreshToken);
      await sessionsRepository.revokeFamily(tx, row.familyId, now);
      return { kind: 'reused', familyId: row.familyId };
    }
    if (row.revokedAt || row.expiresAt <= now) return { kind: 'ended' };
    const user = await usersRepository.findById(tx, row.userId);
    if (!user || user.lockedAt) return { kind: 'ended' };
    // The new access token carries the user as they are now (e.g. just made admin).
    const session = await continueSession(tx, user, row.familyId, client, deps.tokens);
    const sealed = sealSuccessor(session.refreshToken, refreshToken);
    await sessionsRepository.markReplaced(tx, row.id, { id: session.rowId, sealed }, now);
    return { kind: 'rotated', session };
  });
  if (outcome.kind === 'reused') {
    await revokeEverywhere(deps, outcome.familyId);
    deps.logger.warn({ familyId: outcome.familyId, ip: client.ip }, 'refresh token reused: session revoked');
  }
  if (outcome.kind !== 'rotated') throw new SessionEndedError();
  return outcome.session;
}

const withinGrace = (row: SessionRow, now: Date, graceSeconds: number): boolean =>
  row.revokedAt !== null && now.getTime() - row.revokedAt.getTime() <= graceSeconds * 1000;

/** The successor this token was rotated into, if it is still the live token of the session. */
async function replayWithinGrace(
  tx: Executor,
  deps: AuthDeps,
  row: SessionRow,
  refreshToken: string,
): Promise<Outcome> {
  const successorToken = row.successorSealed ? openSuccessor(row.successorSealed, refreshToken) : undefined;
  const successor = await sessionsRepository.findById(tx, row.replacedBy!);
  // Already rotated again, or the session ended: no live token to hand out, but no sign of theft either.
  if (!successorToken || !successor || successor.revokedAt || successor.expiresAt <= new Date()) {
    return { kind: 'ended' };
  }
  const user = await usersRepository.findById(tx, row.userId);
  if (!user) return { kind: 'ended' };
  return { kind: 'rotated', session: reissueSession(user, successorToken, successor, deps.tokens) };
}
