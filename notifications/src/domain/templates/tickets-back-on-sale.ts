import {
  action,
  blankLine,
  greeting,
  listing,
  mail,
  oneLine,
  sentence,
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
  const subject = `A buyer cancelled — ${tickets} of ${oneLine(input.ticket.title)} ${are} back on sale`;
  return mail(subject, 'A buyer cancelled', [
    greeting(
      input.name,
      `a buyer cancelled their order within your cancellation window and was refunded; ${tickets} of your listing ${are} back on sale:`,
    ),
    listing(input.ticket),
    sentence('The cancelled sale brings you nothing.'),
    blankLine,
    action(input.listingsUrl, 'See my listings'),
  ]);
}
