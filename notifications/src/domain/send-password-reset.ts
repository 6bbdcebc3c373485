import type { Executor, UserPasswordResetRequested } from '@ticketing/common';
import { queueAccountLink } from './account-link';
import type { MailDeps } from './links';
import { passwordResetLink } from './templates/password-reset';

/** Queues the link that lets whoever holds the address choose a new password. */
export const sendPasswordReset = (tx: Executor, deps: MailDeps, request: UserPasswordResetRequested) =>
  queueAccountLink(tx, 'password-reset', request, (expiresAt) =>
    passwordResetLink({ resetUrl: deps.links.resetPassword(request.token), expiresAt }),
  );
