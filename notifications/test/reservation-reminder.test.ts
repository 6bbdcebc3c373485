import { notificationsForThisFile, PUBLIC_URL } from './support';

// The reminder goes out 2 s before a reservation ends (3 minutes in production), so a test can wait for it.
const ctx = notificationsForThisFile({ REMINDER_LEAD_SECONDS: '2' });

const endingIn = (ms: number) => new Date(Date.now() + ms);

test('when a reservation is still open shortly before it ends, then its buyer gets one reminder with a link to pay', async () => {
  const buyer = await ctx.registerUser('reminded');
  const ticket = await ctx.listTicket({ title: 'Cup final' });
  const order = await ctx.createOrder(buyer.id, ticket, endingIn(4_000));

  const [mail] = await ctx.receivedBy(buyer.email);
  expect(mail!.subject).toBe('Your reservation ends in 1 minute');
  expect(mail!.text).toContain('Cup final');
  expect(mail!.html).toContain(`${PUBLIC_URL}/orders/${order.id}`);
});

test('when the order is completed or cancelled before the reminder is due, then no reminder is sent', async () => {
  const paid = await ctx.registerUser('paid');
  const cancelled = await ctx.registerUser('cancelled');
  const open = await ctx.registerUser('open');
  const seller = await ctx.registerUser('seller');
  const ticket = await ctx.listTicket({ sellerId: seller.id });
  // Due first: the paid and the cancelled one; then the open one, whose mail shows the sender went past them.
  const paidOrder = await ctx.createOrder(paid.id, ticket, endingIn(3_000));
  const cancelledOrder = await ctx.createOrder(cancelled.id, ticket, endingIn(3_000));
  await ctx.createOrder(open.id, ticket, endingIn(4_000));
  await ctx.completeOrder(paidOrder);
  await ctx.cancelOrder(cancelledOrder, 'user');

  await ctx.receivedBy(open.email);
  expect(await ctx.maildev.to(paid.email)).toHaveLength(0);
  expect(await ctx.maildev.to(cancelled.email)).toHaveLength(0);
  expect((await ctx.mailRow(`reservation-reminder:${paidOrder.id}`))!.state).toBe('cancelled');
  expect((await ctx.mailRow(`reservation-reminder:${cancelledOrder.id}`))!.state).toBe('cancelled');
});

test('when a reservation is created inside its last minutes, then no reminder is queued', async () => {
  const hurried = await ctx.registerUser('hurried');
  const later = await ctx.registerUser('later');
  const ticket = await ctx.listTicket();
  const order = await ctx.createOrder(hurried.id, ticket, endingIn(1_000));
  await ctx.createOrder(later.id, ticket, endingIn(3_000));

  await ctx.receivedBy(later.email);
  expect(await ctx.mailRow(`reservation-reminder:${order.id}`)).toBeUndefined();
  expect(await ctx.maildev.to(hurried.email)).toHaveLength(0);
});
