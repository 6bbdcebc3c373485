import { action, greeting, listing, mail, sentence, type RenderedMail, type TicketFacts } from './layout';

const time = new Intl.DateTimeFormat('en-GB', { timeStyle: 'short', timeZone: 'UTC' });

/** To the buyer shortly before an unpaid reservation ends. */
export function reservationReminder(input: {
  name: string;
  ticket: TicketFacts;
  minutesLeft: number;
  expiresAt: Date;
  orderUrl: string;
}): RenderedMail {
  const left = input.minutesLeft === 1 ? '1 minute' : `${input.minutesLeft} minutes`;
  const ends = `${time.format(input.expiresAt)} UTC`;
  return mail(`Your reservation ends in ${left}`, `Your reservation ends in ${left}`, [
    greeting(input.name, `the ticket you reserved is held for you until ${ends}:`),
    listing(input.ticket),
    sentence('Pay before then to keep it; afterwards it goes back on sale.'),
    action(input.orderUrl, 'Pay now'),
  ]);
}
