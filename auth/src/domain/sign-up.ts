import { isUniqueViolation, outbox, userRegistered } from '@ticketing/common';
import { USERS_EMAIL_KEY, usersRepository } from '../data/users.repository';
import type { AuthDeps, ClientInfo } from './auth-deps';
import { issueEmailVerification } from './email-verification';
import { EmailTakenError } from './errors';
import { assertStrongPassword, personalInputs } from './password-strength';
import { hashPassword } from './passwords';
import { startSession, type IssuedSession } from './sessions';

export interface SignUpInput {
  email: string;
  password: string;
  name: string;
}

export async function signUp(deps: AuthDeps, input: SignUpInput, client: ClientInfo): Promise<IssuedSession> {
  await assertStrongPassword(input.password, personalInputs(input.email, input.name));
  const passwordHash = await hashPassword(input.password);
  try {
    return await deps.db.transaction(async (tx) => {
      const user = await usersRepository.insert(tx, { email: input.email, name: input.name, passwordHash });
      // In the sign-up's transaction: a user exists if and only if the rest of the platform hears of it.
      await outbox.add(tx, userRegistered, { id: user.id, email: user.email, name: user.name });
      await issueEmailVerification(tx, user, deps.verifyTokenTtlSeconds);
      return startSession(tx, user, client, deps.tokens);
    });
  } catch (err) {
    // The unique index decides races: of concurrent sign-ups with one email exactly one commits.
    if (isUniqueViolation(err, USERS_EMAIL_KEY)) throw new EmailTakenError();
    throw err;
  }
}
