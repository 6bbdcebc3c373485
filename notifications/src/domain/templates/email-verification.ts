import { button, formatDate, page, paragraph, type RenderedMail } from './layout';

/** To whoever signed up with this address: the link that confirms it, and what to do if it was not them. */
export function emailVerificationLink(input: { verifyUrl: string; expiresAt: Date }): RenderedMail {
  const until = formatDate(input.expiresAt);
  const why = 'Until you do, you can browse and buy tickets, but not list tickets for sale.';
  const notYou = 'If you did not sign up for Ticketing, ignore this mail: nothing happens without the link.';
  return {
    subject: 'Confirm your email address for Ticketing',
    html: page(
      'Confirm your email address',
      [
        paragraph('Thanks for signing up to Ticketing. Please confirm that this address is yours.'),
        button(input.verifyUrl, 'Confirm my email address'),
        paragraph(`${why} The link works once, until ${until}.`),
        paragraph(notYou),
      ].join('\n'),
    ),
    text: [
      'Thanks for signing up to Ticketing. Please confirm that this address is yours.',
      `Confirm my email address: ${input.verifyUrl}`,
      `${why} The link works once, until ${until}.`,
      notYou,
    ].join('\n'),
  };
}
