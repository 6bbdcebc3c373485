import { action, greeting, listing, mail, oneLine, type RenderedMail, type TicketFacts } from './layout';

/** To the seller when a buyer has paid for their listing. */
export function ticketSold(input: { name: string; ticket: TicketFacts; listingsUrl: string }): RenderedMail {
  return mail(`Sold: ${oneLine(input.ticket.title)}`, 'Your ticket sold', [
    greeting(input.name, 'a buyer has paid for your listing:'),
    listing(input.ticket),
    action(input.listingsUrl, 'See my listings'),
  ]);
}
