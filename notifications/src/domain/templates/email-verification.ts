import { action, formatDate, mail, sentence, type RenderedMail } from './layout';

/** To whoever signed up with this address: the link that confirms it, and what to do if it was not them. */
export function emailVerificationLink(input: { verifyUrl: string; expiresAt: Date }): RenderedMail {
  const why = 'Until you do, you can browse and buy tickets, but not list tickets for sale.';
  return mail('Confirm your email address for Ticketing', 'Confirm your email address', [
    sentence('Thanks for signing up to Ticketing. Please confirm that this address is yours.'),
    action(input.verifyUrl, 'Confirm my email address'),
    sentence(`${why} The link works once, until ${formatDate(input.expiresAt)}.`),
    sentence('If you did not sign up for Ticketing, ignore this mail: nothing happens without the link.'),
  ]);
}
