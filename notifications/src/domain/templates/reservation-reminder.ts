import {
  button,
  describeTicketHtml,
  describeTicketText,
  escapeHtml,
  oneLine,
  page,
  paragraph,
  type RenderedMail,
  type TicketFacts,
} from './layout';

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
  return {
    subject: `Your reservation ends in ${left}`,
    html: page(
      `Your reservation ends in ${left}`,
      [
        paragraph(`Hello ${escapeHtml(input.name)}, the ticket you reserved is held for you until ${ends}:`),
        paragraph(describeTicketHtml(input.ticket)),
        paragraph('Pay before then to keep it; afterwards it goes back on sale.'),
        button(input.orderUrl, 'Pay now'),
      ].join('\n'),
    ),
    text: [
      `Hello ${oneLine(input.name)}, the ticket you reserved is held for you until ${ends}:`,
      '',
      describeTicketText(input.ticket),
      '',
      'Pay before then to keep it; afterwards it goes back on sale.',
      `Pay now: ${input.orderUrl}`,
    ].join('\n'),
  };
}
