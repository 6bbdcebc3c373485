import { escapeHtml, formatMoney, oneLine, page, paragraph, type RenderedMail } from './layout';

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
  return {
    subject: `Refund of ${amount}${what}`,
    html: page(
      'Your payment was refunded',
      [
        paragraph(
          `Hello ${escapeHtml(input.name)}, we refunded <strong>${escapeHtml(amount)}</strong>${escapeHtml(what)}.`,
        ),
        paragraph(escapeHtml(why)),
        paragraph(`<a href="${escapeHtml(input.ordersUrl)}">See my orders</a>`),
      ].join('\n'),
    ),
    text: [
      `Hello ${oneLine(input.name)}, we refunded ${amount}${what}.`,
      why,
      `See my orders: ${input.ordersUrl}`,
    ].join('\n'),
  };
}
