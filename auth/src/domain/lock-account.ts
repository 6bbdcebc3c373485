import { NotFoundError, toPage, type Keyset, type Page } from '@ticketing/common';
import type { UserRow } from '../data/schema';
import { sessionsRepository } from '../data/sessions.repository';
import { usersRepository } from '../data/users.repository';
import type { AuthDeps } from './auth-deps';
import { CannotLockSelfError } from './errors';
import { revokeEverywhere } from './sessions';

/**
 * An admin locks an account: it cannot sign in or refresh, and every session it has ends in the database
 * and, through the revocation set, in every service within seconds.
 */
export async function lockAccount(deps: AuthDeps, userId: string, adminId: string): Promise<UserRow> {
  if (userId === adminId) throw new CannotLockSelfError();
  const { user, families } = await deps.db.transaction(async (tx) => {
    const now = new Date();
    const user = await usersRepository.setLocked(tx, userId, now);
    if (!user) throw new NotFoundError('User not found');
    return { user, families: await sessionsRepository.revokeAllOfUser(tx, userId, now) };
  });
  for (const familyId of families) await revokeEverywhere(deps, familyId);
  deps.logger.info({ userId, adminId, sessions: families.length }, 'account locked');
  return user;
}

/** Unlocked, the user signs in again (their old sessions stay ended). */
export async function unlockAccount(deps: AuthDeps, userId: string, adminId: string): Promise<UserRow> {
  const user = await usersRepository.setLocked(deps.db, userId, null);
  if (!user) throw new NotFoundError('User not found');
  deps.logger.info({ userId, adminId }, 'account unlocked');
  return user;
}

export async function listUsers(deps: AuthDeps, limit: number, after?: Keyset): Promise<Page<UserRow>> {
  const rows = await usersRepository.listNewestFirst(deps.db, limit + 1, after);
  return toPage(rows, limit, (row) => ({ at: row.createdAt, id: row.id }));
}
