import { usersRepository } from '../data/users.repository';
import type { AuthDeps, ClientInfo } from './auth-deps';
import { InvalidCredentialsError } from './errors';
import { verifyPassword } from './passwords';
import { startSession, type IssuedSession } from './sessions';

export interface SignInInput {
  email: string;
  password: string;
}

export async function signIn(deps: AuthDeps, input: SignInInput, client: ClientInfo): Promise<IssuedSession> {
  const locked = await deps.lockout.isLocked(input.email);
  const user = await usersRepository.findByEmail(deps.db, input.email);
  // Verified even when locked or unknown: every failure costs the same time and answers the same.
  const passwordMatches = await verifyPassword(user?.passwordHash, input.password);
  if (locked || !user || !passwordMatches) {
    const reason = locked ? 'locked' : user ? 'wrong_password' : 'unknown_email';
    // A locked account's attempts do not extend its lock: the owner gets back in when the window ends.
    if (!locked) await deps.lockout.recordFailure(input.email);
    deps.logger.info({ email: input.email, ip: client.ip, reason }, 'sign-in failed');
    throw new InvalidCredentialsError();
  }
  await deps.lockout.reset(input.email);
  return deps.db.transaction((tx) => startSession(tx, user, client, deps.tokens));
}
