import { randomUUID } from 'node:crypto';
import { orderCancelled, orderCompleted, paymentRefunded, ticketUpdated } from '@ticketing/common';
import { waitFor } from '@ticketing/common/testing';
import { reminderKey } from '../src/domain/remind-reservation';
import {
  createOrder,
  mailRow,
  listTicket,
  sentAs,
  publish,
  PUBLIC_URL,
  receivedBy,
  registerUser,
  notificationsForThisFile,
} from './support';

const ctx = notificationsForThisFile();

const inAnHour = () => new Date(Date.now() + 3_600_000);

test('when an order is completed, then the seller gets one "your ticket sold" mail naming the listing as last updated', async () => {
  const { service, maildev } = ctx;
  const seller = await registerUser(service, 'seller');
  const buyer = await registerUser(service, 'buyer');
  const ticket = await listTicket(service, { sellerId: seller.id, title: 'Opera', venue: 'La Scala' });
  await publish(service, ticketUpdated, { ...ticket, version: 1, title: 'Opera gala', orderId: null });
  const order = await createOrder(service, buyer.id, ticket, inAnHour());
  await publish(service, orderCompleted, {
    id: order.id,
    version: 1,
    userId: buyer.id,
    ticket: { id: ticket.id },
  });

  const [mail] = await receivedBy(maildev, seller.email);
  expect(mail!.subject).toBe('Sold: Opera gala');
  expect(mail!.text).toContain('La Scala');
  expect(mail!.html).toContain(`${PUBLIC_URL}/listings`);
  await sentAs(service, `ticket-sold:${order.id}`);
  expect(await maildev.to(buyer.email)).toHaveLength(0);
});

test('when a buyer cancels a paid order, then the seller gets one mail saying how many tickets of the event are back on sale', async () => {
  const { service, maildev } = ctx;
  const seller = await registerUser(service, 'cancelled-seller');
  const buyer = await registerUser(service, 'cancelling-buyer');
  const ticket = await listTicket(service, { sellerId: seller.id, title: 'Jazz <night>', quantity: 3 });
  const order = await createOrder(service, buyer.id, ticket, inAnHour());
  await publish(service, orderCompleted, {
    id: order.id,
    version: 1,
    userId: buyer.id,
    ticket: { id: ticket.id },
    quantity: 2,
  });
  const cancellation = {
    id: order.id,
    version: 2,
    userId: buyer.id,
    ticket: { id: ticket.id },
    quantity: 2,
    reason: 'buyer_cancelled' as const,
  };
  await publish(service, orderCancelled, cancellation);
  await publish(service, orderCancelled, cancellation);

  // Two consumers (order.completed, order.cancelled) send these two mails: either may arrive first.
  const mails = await receivedBy(maildev, seller.email, 2);
  expect(mails.map((mail) => mail.subject).sort()).toEqual([
    'A buyer cancelled — 2 tickets of Jazz <night> are back on sale',
    'Sold: Jazz <night>',
  ]);
  const cancelled = mails.find((mail) => mail.subject.startsWith('A buyer cancelled'));
  expect(cancelled!.text).toContain('2 tickets of your listing are back on sale');
  expect(cancelled!.html).toContain('Jazz &lt;night&gt;');
  expect(cancelled!.html).toContain(`${PUBLIC_URL}/listings`);
  await sentAs(service, `buyer-cancelled:${order.id}`);
  expect(await maildev.to(seller.email)).toHaveLength(2);
  expect(await maildev.to(buyer.email)).toHaveLength(0);
});

test('when an unpaid order is cancelled or expires, then the seller gets no mail', async () => {
  const { service, maildev } = ctx;
  const seller = await registerUser(service, 'quiet-seller');
  const buyer = await registerUser(service, 'gives-up');
  const ticket = await listTicket(service, { sellerId: seller.id, title: 'Quiet night' });
  const [given, expired] = [
    await createOrder(service, buyer.id, ticket, inAnHour()),
    await createOrder(service, buyer.id, ticket, inAnHour()),
  ];
  await publish(service, orderCancelled, {
    id: given.id,
    version: 1,
    userId: buyer.id,
    ticket: { id: ticket.id },
    reason: 'user',
  });
  await publish(service, orderCancelled, {
    id: expired.id,
    version: 1,
    userId: buyer.id,
    ticket: { id: ticket.id },
    reason: 'expired',
  });

  for (const order of [given, expired]) {
    await waitFor(async () => (await mailRow(service, reminderKey(order.id)))?.state === 'cancelled');
  }
  expect(await mailRow(service, `buyer-cancelled:${given.id}`)).toBeUndefined();
  expect(await mailRow(service, `buyer-cancelled:${expired.id}`)).toBeUndefined();
  expect(await maildev.to(seller.email)).toHaveLength(0);
});

test('when a payment is refunded, then its buyer gets one refund notice with the amount', async () => {
  const { service, maildev } = ctx;
  const buyer = await registerUser(service, 'refunded');
  const ticket = await listTicket(service, { title: 'Derby', priceCents: 4250, currency: 'eur' });
  const order = await createOrder(service, buyer.id, ticket, inAnHour());
  const refund = {
    id: randomUUID(),
    orderId: order.id,
    amountCents: 4250,
    currency: 'eur',
    reason: 'order_cancelled',
  };
  await publish(service, paymentRefunded, refund);
  await publish(service, paymentRefunded, refund);

  const [mail] = await receivedBy(maildev, buyer.email);
  expect(mail!.subject).toBe('Refund of €42.50 for Derby');
  expect(mail!.text).toContain(`${PUBLIC_URL}/orders/${order.id}`);
  expect(mail!.text).toContain('The order was not completed');
  await sentAs(service, `refund:${refund.id}`);
  expect(await maildev.to(buyer.email)).toHaveLength(1);
});

test('when the buyer cancelled a paid order, then the refund notice says so (not "you were not charged")', async () => {
  const { service, maildev } = ctx;
  const buyer = await registerUser(service, 'canceller');
  const ticket = await listTicket(service, { title: 'Ballet', priceCents: 3000, currency: 'eur' });
  const order = await createOrder(service, buyer.id, ticket, inAnHour());
  const refund = {
    id: randomUUID(),
    orderId: order.id,
    amountCents: 3000,
    currency: 'eur',
    reason: 'buyer_cancelled',
  };
  await publish(service, paymentRefunded, refund);

  const [mail] = await receivedBy(maildev, buyer.email);
  expect(mail!.subject).toBe('Refund of €30.00 for Ballet');
  expect(mail!.text).toContain('You cancelled your order, so its e-tickets are no longer valid.');
  expect(mail!.text).not.toContain('not charged');
});
