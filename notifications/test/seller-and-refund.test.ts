import { orderCancelled, paymentRefunded, ticketUpdated } from '@ticketing/common';
import { waitFor } from '@ticketing/common/testing';
import { reminderKey } from '../src/domain/remind-reservation';
import { notificationsForThisFile, PUBLIC_URL } from './support';

const ctx = notificationsForThisFile();

const inAnHour = () => new Date(Date.now() + 3_600_000);

test('when an order is completed, then the seller gets one "your ticket sold" mail naming the listing as last updated', async () => {
  const seller = await ctx.registerUser('seller');
  const buyer = await ctx.registerUser('buyer');
  const ticket = await ctx.listTicket({ sellerId: seller.id, title: 'Opera', venue: 'La Scala' });
  await ctx.publish(ticketUpdated, { ...ticket, version: 1, title: 'Opera gala', orderId: null });
  await ctx.replicaTitled(ticket.id, 'Opera gala');
  const order = await ctx.createOrder(buyer.id, ticket, inAnHour());
  await ctx.completeOrder(order);

  const [mail] = await ctx.receivedBy(seller.email);
  expect(mail!.subject).toBe('Sold: Opera gala');
  expect(mail!.text).toContain('La Scala');
  expect(mail!.html).toContain(`${PUBLIC_URL}/listings`);
  await ctx.sentAs(`ticket-sold:${order.id}`);
  expect(await ctx.maildev.to(buyer.email)).toHaveLength(0);
});

test('when a buyer cancels a paid order, then the seller gets one mail saying how many tickets of the event are back on sale', async () => {
  const seller = await ctx.registerUser('cancelled-seller');
  const buyer = await ctx.registerUser('cancelling-buyer');
  const ticket = await ctx.listTicket({ sellerId: seller.id, title: 'Jazz <night>', quantity: 3 });
  const order = await ctx.createOrder(buyer.id, ticket, inAnHour());
  await ctx.completeOrder(order, { quantity: 2 });
  const cancellation = await ctx.cancelOrder(order, 'buyer_cancelled', { version: 2, quantity: 2 });
  // Delivered again: still one mail.
  await ctx.publish(orderCancelled, cancellation);

  // Two consumers (order.completed, order.cancelled) send these two mails: either may arrive first.
  const mails = await ctx.receivedBy(seller.email, 2);
  expect(mails.map((mail) => mail.subject).sort()).toEqual([
    'A buyer cancelled — 2 tickets of Jazz <night> are back on sale',
    'Sold: Jazz <night>',
  ]);
  const cancelled = mails.find((mail) => mail.subject.startsWith('A buyer cancelled'));
  expect(cancelled!.text).toContain('2 tickets of your listing are back on sale');
  expect(cancelled!.html).toContain('Jazz &lt;night&gt;');
  expect(cancelled!.html).toContain(`${PUBLIC_URL}/listings`);
  await ctx.sentAs(`buyer-cancelled:${order.id}`);
  expect(await ctx.maildev.to(seller.email)).toHaveLength(2);
  expect(await ctx.maildev.to(buyer.email)).toHaveLength(0);
});

test('when an unpaid order is cancelled or expires, then the seller gets no mail', async () => {
  const seller = await ctx.registerUser('quiet-seller');
  const buyer = await ctx.registerUser('gives-up');
  const ticket = await ctx.listTicket({ sellerId: seller.id, title: 'Quiet night' });
  const [given, expired] = [
    await ctx.createOrder(buyer.id, ticket, inAnHour()),
    await ctx.createOrder(buyer.id, ticket, inAnHour()),
  ];
  await ctx.cancelOrder(given, 'user');
  await ctx.cancelOrder(expired, 'expired');

  for (const order of [given, expired]) {
    await waitFor(async () => (await ctx.mailRow(reminderKey(order.id)))?.state === 'cancelled');
  }
  expect(await ctx.mailRow(`buyer-cancelled:${given.id}`)).toBeUndefined();
  expect(await ctx.mailRow(`buyer-cancelled:${expired.id}`)).toBeUndefined();
  expect(await ctx.maildev.to(seller.email)).toHaveLength(0);
});

test('when a payment is refunded, then its buyer gets one refund notice with the amount', async () => {
  const buyer = await ctx.registerUser('refunded');
  const ticket = await ctx.listTicket({ title: 'Derby', priceCents: 4250, currency: 'eur' });
  const order = await ctx.createOrder(buyer.id, ticket, inAnHour());
  const refund = await ctx.refund(order);
  // Delivered again: still one notice.
  await ctx.publish(paymentRefunded, refund);

  const [mail] = await ctx.receivedBy(buyer.email);
  expect(mail!.subject).toBe('Refund of €42.50 for Derby');
  expect(mail!.text).toContain(`${PUBLIC_URL}/orders/${order.id}`);
  expect(mail!.text).toContain('The order was not completed');
  await ctx.sentAs(`refund:${refund.id}`);
  expect(await ctx.maildev.to(buyer.email)).toHaveLength(1);
});

test('when the buyer cancelled a paid order, then the refund notice says so (not "you were not charged")', async () => {
  const buyer = await ctx.registerUser('canceller');
  const ticket = await ctx.listTicket({ title: 'Ballet', priceCents: 3000, currency: 'eur' });
  const order = await ctx.createOrder(buyer.id, ticket, inAnHour());
  await ctx.refund(order, 'buyer_cancelled');

  const [mail] = await ctx.receivedBy(buyer.email);
  expect(mail!.subject).toBe('Refund of €30.00 for Ballet');
  expect(mail!.text).toContain('You cancelled your order, so its e-tickets are no longer valid.');
  expect(mail!.text).not.toContain('not charged');
});
