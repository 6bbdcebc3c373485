import { usersRepository } from '../data/users.repository';
import type { AuthDeps, ClientInfo } from './auth-deps';
import { AccountLockedError, InvalidCredentialsError } from './errors';
import { verifyPassword } from './passwords';
import { startSession, type IssuedSession } from './sessions';

export interface SignInInput {
  email: string;
  password: string;
}

export async function signIn(deps: AuthDeps, input: SignInInput, client: ClientInfo): Promise<IssuedSession> {
  // Counted before the hash is checked: parallel guesses cannot all slip in before the lock.
  const admission = await deps.lockout.admit(input.email);
  const user = await usersRepository.findByEmail(deps.db, input.email);
  // Verified even when locked or unknown: every failure costs the same time and answers the same.
  const passwordMatches = await verifyPassword(user?.passwordHash, input.password);
  if (!admission.admitted || !user || !passwordMatches) {
    const reason = !admission.admitted ? 'locked' : user ? 'wrong_password' : 'unknown_email';
    if (admission.admitted) await deps.lockout.recordFailure(input.email, admission);
    deps.logger.info({ email: input.email, ip: client.ip, reason }, 'sign-in failed');
    throw new InvalidCredentialsError();
  }
  await deps.lockout.reset(input.email);
  // Said only to whoever knows the password: nobody else learns that the account exists.
  if (user.lockedAt) throw new AccountLockedError();
  return deps.db.transaction((tx) => startSession(tx, user, client, deps.tokens));
}
