import type { Executor, UserEmailVerificationRequested } from '@ticketing/common';
import { mailsRepository } from '../data/mails.repository';
import type { MailDeps } from './links';
import { emailVerificationLink } from './templates/email-verification';

/** Queues the verification link to the address auth named; one that expired before it arrived mails nothing. */
export async function sendEmailVerification(
  tx: Executor,
  deps: MailDeps,
  request: UserEmailVerificationRequested,
): Promise<void> {
  const expiresAt = new Date(request.expiresAt);
  if (expiresAt.getTime() <= Date.now()) return;
  await mailsRepository.queue(tx, {
    // One mail per request; the key names it without the token.
    key: `email-verification:${request.userId}:${request.expiresAt}`,
    kind: 'email-verification',
    recipient: request.email,
    ...emailVerificationLink({ verifyUrl: deps.links.verifyEmail(request.token), expiresAt }),
  });
}
