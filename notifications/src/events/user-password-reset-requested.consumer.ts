import { consumer, userPasswordResetRequested } from '@ticketing/common';
import type { MailDeps } from '../domain/links';
import { sendPasswordReset } from '../domain/send-password-reset';

export const onPasswordResetRequested = (deps: MailDeps) =>
  consumer(userPasswordResetRequested, 'notifications', (tx, request) =>
    sendPasswordReset(tx, deps, request),
  );
