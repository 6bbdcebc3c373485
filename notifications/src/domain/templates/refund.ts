import {
  escapeHtml,
  formatMoney,
  greeting,
  link,
  mail,
  oneLine,
  sentence,
  type RenderedMail,
} from './layout';

/** To the buyer when a payment of theirs was refunded. */
export function refundNotice(input: {
  name: string;
  title: string | null;
  amountCents: number;
  currency: string;
  /** payment.refunded's reason: `buyer_cancelled` when the buyer cancelled a paid order. */
  reason: string;
  ordersUrl: string;
}): RenderedMail {
  const amount = formatMoney(input.amountCents, input.currency);
  const what = input.title ? ` for ${oneLine(input.title)}` : '';
  const why =
    input.reason === 'buyer_cancelled'
      ? 'You cancelled your order, so its e-tickets are no longer valid. Your bank shows the refund within a few days.'
      : 'The order was not completed, so you were not charged for it. Your bank shows the refund within a few days.';
  return mail(`Refund of ${amount}${what}`, 'Your payment was refunded', [
    greeting(input.name, {
      html: `we refunded <strong>${escapeHtml(amount)}</strong>${escapeHtml(what)}.`,
      text: `we refunded ${amount}${what}.`,
    }),
    sentence(why),
    link(input.ordersUrl, 'See my orders'),
  ]);
}
