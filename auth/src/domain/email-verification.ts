import { randomBytes } from 'node:crypto';
import { outbox, userEmailVerificationRequested, type Executor } from '@ticketing/common';
import { emailVerificationsRepository } from '../data/single-use-tokens.repository';
import type { UserRow } from '../data/schema';
import { usersRepository } from '../data/users.repository';
import type { AuthDeps } from './auth-deps';
import { EmailAlreadyVerifiedError, VerificationTokenInvalidError } from './errors';
import { hashToken } from './sessions';

/**
 * In the caller's transaction: a new single-use verification token (older unused ones stop working) and the
 * event notifications mails the link from. Sign-up calls it in its own transaction, resend in a new one.
 */
export async function issueEmailVerification(
  tx: Executor,
  user: Pick<UserRow, 'id' | 'email'>,
  ttlSeconds: number,
): Promise<void> {
  const token = randomBytes(32).toString('base64url');
  const now = new Date();
  const expiresAt = new Date(now.getTime() + ttlSeconds * 1000);
  await emailVerificationsRepository.retireUnused(tx, user.id, now);
  await emailVerificationsRepository.insert(tx, { userId: user.id, tokenHash: hashToken(token), expiresAt });
  await outbox.add(tx, userEmailVerificationRequested, {
    userId: user.id,
    email: user.email,
    token,
    expiresAt: expiresAt.toISOString(),
  });
}

/** Mails a new link to a signed-in user who has not confirmed yet (the route rate-limits it per user). */
export async function resendEmailVerification(deps: AuthDeps, userId: string): Promise<void> {
  const user = await usersRepository.findById(deps.db, userId);
  if (!user) throw new VerificationTokenInvalidError();
  if (user.emailVerifiedAt) throw new EmailAlreadyVerifiedError();
  await deps.db.transaction((tx) => issueEmailVerification(tx, user, deps.verifyTokenTtlSeconds));
}

/**
 * Spends the token and marks the address confirmed, in one transaction. The user's next access token (the
 * client refreshes right after) carries the verified claim the other services read.
 */
export async function confirmEmailVerification(deps: AuthDeps, token: string): Promise<void> {
  await deps.db.transaction(async (tx) => {
    const now = new Date();
    const link = await emailVerificationsRepository.consume(tx, hashToken(token), now);
    if (!link) throw new VerificationTokenInvalidError();
    await usersRepository.markEmailVerified(tx, link.userId, now);
  });
}
