import { randomBytes } from 'node:crypto';
import { outbox, userPasswordResetRequested } from '@ticketing/common';
import { passwordResetsRepository } from '../data/single-use-tokens.repository';
import { sessionsRepository } from '../data/sessions.repository';
import { usersRepository } from '../data/users.repository';
import type { AuthDeps } from './auth-deps';
import { ResetTokenInvalidError } from './errors';
import { assertStrongPassword, personalInputs } from './password-strength';
import { hashPassword } from './passwords';
import { hashToken, revokeEverywhere } from './sessions';

/**
 * For a known email: a new single-use token (older unused ones stop working) and, in the same
 * transaction, the event notifications mails the link from. An unknown email does nothing, and the
 * caller answers the same either way, so the answer reveals no account.
 */
export async function requestPasswordReset(deps: AuthDeps, email: string): Promise<void> {
  const user = await usersRepository.findByEmail(deps.db, email);
  if (!user) return;
  const token = randomBytes(32).toString('base64url');
  const now = new Date();
  const expiresAt = new Date(now.getTime() + deps.resetTokenTtlSeconds * 1000);
  await deps.db.transaction(async (tx) => {
    await passwordResetsRepository.retireUnused(tx, user.id, now);
    await passwordResetsRepository.insert(tx, {
      userId: user.id,
      tokenHash: hashToken(token),
      expiresAt,
    });
    await outbox.add(tx, userPasswordResetRequested, {
      userId: user.id,
      email: user.email,
      token,
      expiresAt: expiresAt.toISOString(),
    });
  });
}

/**
 * Sets the new password and spends the token in one transaction, then ends every session of the user
 * (whoever knew the old password is signed out everywhere). A weak password leaves the token usable.
 */
export async function confirmPasswordReset(
  deps: AuthDeps,
  { token, password }: { token: string; password: string },
): Promise<void> {
  const tokenHash = hashToken(token);
  const pending = await passwordResetsRepository.findUsable(deps.db, tokenHash, new Date());
  const user = pending && (await usersRepository.findById(deps.db, pending.userId));
  if (!user) throw new ResetTokenInvalidError();
  await assertStrongPassword(password, personalInputs(user.email, user.name));
  const passwordHash = await hashPassword(password);
  const families = await deps.db.transaction(async (tx) => {
    const now = new Date();
    // Checked again here: of two uses of one token, exactly one commits.
    if (!(await passwordResetsRepository.consume(tx, tokenHash, now))) throw new ResetTokenInvalidError();
    await usersRepository.setPasswordHash(tx, user.id, passwordHash);
    return sessionsRepository.revokeAllOfUser(tx, user.id, now);
  });
  for (const familyId of families) await revokeEverywhere(deps, familyId);
}
