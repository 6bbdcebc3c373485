import { sessionsRepository } from '../data/sessions.repository';
import type { AuthDeps } from './auth-deps';
import { hashToken, revokeEverywhere } from './sessions';

export interface SignOutInput {
  /** From a valid access token, when the request has one. */
  sessionId?: string;
  /** From the refresh cookie: signs out even when the access token has already expired. */
  refreshToken?: string;
}

/** Ends the session(s) this browser holds; signing out twice, or while signed out, is not an error. */
export async function signOut(deps: AuthDeps, { sessionId, refreshToken }: SignOutInput): Promise<void> {
  const families = new Set<string>(sessionId ? [sessionId] : []);
  if (refreshToken) {
    const row = await sessionsRepository.findByTokenHash(deps.db, hashToken(refreshToken));
    if (row) families.add(row.familyId);
  }
  const now = new Date();
  for (const familyId of families) {
    await sessionsRepository.revokeFamily(deps.db, familyId, now);
    await revokeEverywhere(deps, familyId);
  }
}
