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

/** To the seller when a buyer cancelled a paid order within the listing's window: its tickets are on sale again. */
export function ticketsBackOnSale(input: {
  name: string;
  ticket: TicketFacts;
  quantity: number;
  listingsUrl: string;
}): RenderedMail {
  const tickets = input.quantity === 1 ? '1 ticket' : `${input.quantity} tickets`;
  const are = input.quantity === 1 ? 'is' : 'are';
  const intro = `a buyer cancelled their order within your cancellation window and was refunded; ${tickets} of your listing ${are} back on sale:`;
  const outcome = 'The cancelled sale brings you nothing.';
  return {
    subject: `A buyer cancelled — ${tickets} of ${oneLine(input.ticket.title)} ${are} back on sale`,
    html: page(
      'A buyer cancelled',
      [
        paragraph(`Hello ${escapeHtml(input.name)}, ${intro}`),
        paragraph(describeTicketHtml(input.ticket)),
        paragraph(outcome),
        button(input.listingsUrl, 'See my listings'),
      ].join('\n'),
    ),
    text: [
      `Hello ${oneLine(input.name)}, ${intro}`,
      '',
      describeTicketText(input.ticket),
      '',
      outcome,
      '',
      `See my listings: ${input.listingsUrl}`,
    ].join('\n'),
  };
}
