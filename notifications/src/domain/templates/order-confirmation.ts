import {
  action,
  blankLine,
  escapeHtml,
  greeting,
  listing,
  mail,
  oneLine,
  paragraph,
  type Block,
  type RenderedMail,
  type TicketFacts,
} from './layout';

export interface ConfirmationInput {
  name: string;
  ticket: TicketFacts;
  /** One per e-ticket: its code and the cid of its QR image. */
  etickets: Array<{ code: string; seat: string | null; cid: string }>;
  ticketsUrl: string;
}

/** To the buyer once the e-tickets are issued: one QR code per e-ticket, inline, and the tickets page. */
export function orderConfirmation(input: ConfirmationInput): RenderedMail {
  const { ticket, etickets } = input;
  const count = etickets.length === 1 ? 'Your e-ticket is' : `Your ${etickets.length} e-tickets are`;
  return mail(`Your tickets for ${oneLine(ticket.title)}`, 'Your order is confirmed', [
    greeting(input.name, 'thank you for your order.'),
    listing(ticket),
    {
      html: paragraph(`${count} below. Show the QR code at the entrance; each code admits once.`),
      text: `${count} below. Show the QR code at the entrance (it is in the HTML version of this mail); each code admits once.`,
    },
    eticketCodes(etickets),
    blankLine,
    action(input.ticketsUrl, 'See my tickets'),
  ]);
}

/** Each e-ticket's QR image (by cid), code and seat; the text body can only list the codes. */
const eticketCodes = (etickets: ConfirmationInput['etickets']): Block => ({
  html: etickets
    .map(
      (e, i) => `<div style="margin:16px 0;text-align:center">
<img src="cid:${e.cid}" alt="QR code of e-ticket ${i + 1}" width="220" height="220" style="display:block;margin:0 auto">
<div style="font-family:monospace;font-size:13px">${escapeHtml(e.code)}</div>
${e.seat ? `<div>Seat ${escapeHtml(e.seat)}</div>` : ''}</div>`,
    )
    .join('\n'),
  text: etickets
    .map((e, i) => `E-ticket ${i + 1}: ${e.code}${e.seat ? ` (seat ${oneLine(e.seat)})` : ''}`)
    .join('\n'),
});
