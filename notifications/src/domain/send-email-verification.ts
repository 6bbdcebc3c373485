import type { Executor, UserEmailVerificationRequested } from '@ticketing/common';
import { queueAccountLink } from './account-link';
import type { MailDeps } from './links';
import { emailVerificationLink } from './templates/email-verification';

/** Queues the link that confirms the address a new account signed up with. */
export const sendEmailVerification = (
  tx: Executor,
  deps: MailDeps,
  request: UserEmailVerificationRequested,
) =>
  queueAccountLink(tx, 'email-verification', request, (expiresAt) =>
    emailVerificationLink({ verifyUrl: deps.links.verifyEmail(request.token), expiresAt }),
  );
