import { button, formatDate, page, paragraph, type RenderedMail } from './layout';

/** To whoever asked to reset the password of this address: the link, and what to do if it was not them. */
export function passwordResetLink(input: { resetUrl: string; expiresAt: Date }): RenderedMail {
  const until = formatDate(input.expiresAt);
  const notYou = 'If you did not ask for this, ignore this mail: your password stays as it is.';
  return {
    subject: 'Reset your Ticketing password',
    html: page(
      'Reset your password',
      [
        paragraph('Someone, hopefully you, asked to reset the password of your Ticketing account.'),
        button(input.resetUrl, 'Choose a new password'),
        paragraph(`The link works once, until ${until}.`),
        paragraph(notYou),
      ].join('\n'),
    ),
    text: [
      'Someone, hopefully you, asked to reset the password of your Ticketing account.',
      `Choose a new password: ${input.resetUrl}`,
      `The link works once, until ${until}.`,
      notYou,
    ].join('\n'),
  };
}
