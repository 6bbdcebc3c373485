import { action, formatDate, mail, sentence, type RenderedMail } from './layout';

/** To whoever asked to reset the password of this address: the link, and what to do if it was not them. */
export function passwordResetLink(input: { resetUrl: string; expiresAt: Date }): RenderedMail {
  return mail('Reset your Ticketing password', 'Reset your password', [
    sentence('Someone, hopefully you, asked to reset the password of your Ticketing account.'),
    action(input.resetUrl, 'Choose a new password'),
    sentence(`The link works once, until ${formatDate(input.expiresAt)}.`),
    sentence('If you did not ask for this, ignore this mail: your password stays as it is.'),
  ]);
}
