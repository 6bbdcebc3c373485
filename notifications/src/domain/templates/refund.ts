import { escapeHtml, formatMoney, oneLine, page, paragraph, type RenderedMail } from './layout';

/** To the buyer when a payment of theirs was refunded. */
export function refundNotice(input: {
  name: string;
  title: string | null;
  amountCents: number;
  currency: string;
  ordersUrl: string;
}): RenderedMail {
  const amount = formatMoney(input.amountCents, input.currency);
  const what = input.title ? ` for ${oneLine(input.title)}` : '';
  return {
    subject: `Refund of ${amount}${what}`,
    html: page(
      'Your payment was refunded',
      [
        paragraph(
          `Hello ${escapeHtml(input.name)}, we refunded <strong>${escapeHtml(amount)}</strong>${escapeHtml(what)}.`,
        ),
        paragraph(
          'The order was not completed, so you were not charged for it. Your bank shows the refund within a few days.',
        ),
        paragraph(`<a href="${escapeHtml(input.ordersUrl)}">See my orders</a>`),
      ].join('\n'),
    ),
    text: [
      `Hello ${oneLine(input.name)}, we refunded ${amount}${what}.`,
      'The order was not completed, so you were not charged for it. Your bank shows the refund within a few days.',
      `See my orders: ${input.ordersUrl}`,
    ].join('\n'),
  };
}
