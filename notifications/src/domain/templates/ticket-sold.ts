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

/** To the seller when a buyer has paid for their listing. */
export function ticketSold(input: { name: string; ticket: TicketFacts; listingsUrl: string }): RenderedMail {
  return {
    subject: `Sold: ${oneLine(input.ticket.title)}`,
    html: page(
      'Your ticket sold',
      [
        paragraph(`Hello ${escapeHtml(input.name)}, a buyer has paid for your listing:`),
        paragraph(describeTicketHtml(input.ticket)),
        button(input.listingsUrl, 'See my listings'),
      ].join('\n'),
    ),
    text: [
      `Hello ${oneLine(input.name)}, a buyer has paid for your listing:`,
      '',
      describeTicketText(input.ticket),
      '',
      `See my listings: ${input.listingsUrl}`,
    ].join('\n'),
  };
}
