import { orderCancelled, orderCompleted } from '@ticketing/common';
import {
  createOrder,
  listTicket,
  mailRow,
  publish,
  PUBLIC_URL,
  receivedBy,
  registerUser,
  notificationsForThisFile,
} from './support';

// The reminder goes out 2 s before a reservation ends (3 minutes in production), so a test can wait for it.
const ctx = notificationsForThisFile({ REMINDER_LEAD_SECONDS: '2' });

const endingIn = (ms: number) => new Date(Date.now() + ms);

test('when a reservation is still open shortly before it ends, then its buyer gets one reminder with a link to pay', async () => {
  const { service, maildev } = ctx;
  const buyer = await registerUser(service, 'reminded');
  const ticket = await listTicket(service, { title: 'Cup final' });
  const order = await createOrder(service, buyer.id, ticket, endingIn(4_000));

  const [mail] = await receivedBy(maildev, buyer.email);
  expect(mail!.subject).toBe('Your reservation ends in 1 minute');
  expect(mail!.text).toContain('Cup final');
  expect(mail!.html).toContain(`${PUBLIC_URL}/orders/${order.id}`);
});

test('when the order is completed or cancelled before the reminder is due, then no reminder is sent', async () => {
  const { service, maildev } = ctx;
  const paid = await registerUser(service, 'paid');
  const cancelled = await registerUser(service, 'cancelled');
  const open = await registerUser(service, 'open');
  const seller = await registerUser(service, 'seller');
  const ticket = await listTicket(service, { sellerId: seller.id });
  // Due first: the paid and the cancelled one; then the open one, whose mail shows the sender went past them.
  const paidOrder = await createOrder(service, paid.id, ticket, endingIn(3_000));
  const cancelledOrder = await createOrder(service, cancelled.id, ticket, endingIn(3_000));
  await createOrder(service, open.id, ticket, endingIn(4_000));
  await publish(service, orderCompleted, {
    id: paidOrder.id,
    version: 1,
    userId: paid.id,
    ticket: { id: ticket.id },
  });
  await publish(service, orderCancelled, {
    id: cancelledOrder.id,
    version: 1,
    userId: cancelled.id,
    ticket: { id: ticket.id },
    reason: 'user',
  });

  await receivedBy(maildev, open.email);
  expect(await maildev.to(paid.email)).toHaveLength(0);
  expect(await maildev.to(cancelled.email)).toHaveLength(0);
  expect((await mailRow(service, `reservation-reminder:${paidOrder.id}`))!.state).toBe('cancelled');
  expect((await mailRow(service, `reservation-reminder:${cancelledOrder.id}`))!.state).toBe('cancelled');
});

test('when a reservation is created inside its last minutes, then no reminder is queued', async () => {
  const { service, maildev } = ctx;
  const hurried = await registerUser(service, 'hurried');
  const later = await registerUser(service, 'later');
  const ticket = await listTicket(service);
  const order = await createOrder(service, hurried.id, ticket, endingIn(1_000));
  await createOrder(service, later.id, ticket, endingIn(3_000));

  await receivedBy(maildev, later.email);
  expect(await mailRow(service, `reservation-reminder:${order.id}`)).toBeUndefined();
  expect(await maildev.to(hurried.email)).toHaveLength(0);
});
