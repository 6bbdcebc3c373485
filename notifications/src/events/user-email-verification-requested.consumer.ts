import { consumer, userEmailVerificationRequested } from '@ticketing/common';
import type { MailDeps } from '../domain/links';
import { sendEmailVerification } from '../domain/send-email-verification';

export const onEmailVerificationRequested = (deps: MailDeps) =>
  consumer(userEmailVerificationRequested, 'notifications', (tx, request) =>
    sendEmailVerification(tx, deps, request),
  );
