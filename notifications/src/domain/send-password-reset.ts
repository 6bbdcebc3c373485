import type { Executor, UserPasswordResetRequested } from '@ticketing/common';
import { mailsRepository } from '../data/mails.repository';
import type { MailDeps } from './links';
import { passwordResetLink } from './templates/password-reset';

/**
 * Queues the reset link to the address auth named (no replica needed). A request that arrives after its
 * link expired (notifications was away) mails nothing: the person asks again.
 */
export async function sendPasswordReset(
  tx: Executor,
  deps: MailDeps,
  request: UserPasswordResetRequested,
): Promise<void> {
  const expiresAt = new Date(request.expiresAt);
  if (expiresAt.getTime() <= Date.now()) return;
  await mailsRepository.queue(tx, {
    // One mail per request; the key names it without the token.
    key: `password-reset:${request.userId}:${request.expiresAt}`,
    kind: 'password-reset',
    recipient: request.email,
    ...passwordResetLink({ resetUrl: deps.links.resetPassword(request.token), expiresAt }),
  });
}
