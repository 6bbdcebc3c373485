import { randomBytes, randomUUID } from 'node:crypto';
import { orderEticketsIssued } from '@ticketing/common';
import { waitFor } from '@ticketing/common/testing';
import { eq } from 'drizzle-orm';
import { mails } from '../src/data/schema';
import { notificationsForThisFile } from './support';

const ctx = notificationsForThisFile();

test('when the SMTP server is down, then mails wait and each is sent exactly once after it comes back; events are never dead-lettered', async () => {
  await ctx.maildev.stop();
  const buyers = await Promise.all([1, 2, 3].map((i) => ctx.registerUser(`outage${i}`)));
  const ticket = await ctx.listTicket();
  for (const [i, buyer] of buyers.entries()) {
    // Inside its last minutes: no reminder joins the mails under test.
    const order = await ctx.createOrder(buyer.id, ticket, new Date(Date.now() + 60_000));
    if (i === 0) {
      await ctx.refund(order);
    } else {
      await ctx.publish(orderEticketsIssued, {
        orderId: order.id,
        userId: buyer.id,
        ticket: { id: ticket.id },
        issuedAt: new Date().toISOString(),
        etickets: [{ id: randomUUID(), code: randomBytes(24).toString('base64url'), seat: null }],
      });
    }
  }

  // Every mail was tried against the dead server and is waiting for its next attempt.
  await waitFor(
    async () => {
      const rows = await ctx.service.database.db.select().from(mails);
      return rows.length === 3 && rows.every((r) => r.state === 'pending' && r.attempts >= 1 && r.lastError);
    },
    { timeoutMs: 60_000 },
  );

  await ctx.maildev.start();
  for (const buyer of buyers) await ctx.receivedBy(buyer.email);
  await waitFor(async () =>
    (await ctx.service.database.db.select().from(mails)).every((r) => r.state === 'sent'),
  );
  for (const buyer of buyers) expect(await ctx.maildev.to(buyer.email)).toHaveLength(1);
  const { rows } = await ctx.service.database.pool.query('select count(*)::int as n from dead_letters');
  expect(rows[0].n).toBe(0);
});

test('when a sender died mid-send (its claim outlived the lease), then the mail is marked unconfirmed and never sent again', async () => {
  const orphan = await ctx.registerUser('orphan');
  // What a crash between claiming a mail and recording the server's answer leaves behind.
  await ctx.service.database.db.insert(mails).values({
    id: randomUUID(),
    key: `refund:${randomUUID()}`,
    kind: 'refund',
    recipient: orphan.email,
    subject: 'Refund',
    html: '<p>Refund</p>',
    text: 'Refund',
    state: 'sending',
    attempts: 1,
    claimedAt: new Date(Date.now() - 10 * 60_000),
  });
  const later = await ctx.registerUser('later');
  const ticket = await ctx.listTicket();
  const order = await ctx.createOrder(later.id, ticket, new Date(Date.now() + 60_000));
  await ctx.refund(order);

  // The later mail went out, so the sender has passed over the orphan since.
  await ctx.receivedBy(later.email);
  const [row] = await ctx.service.database.db.select().from(mails).where(eq(mails.recipient, orphan.email));
  expect(row!.state).toBe('unconfirmed');
  expect(await ctx.maildev.to(orphan.email)).toHaveLength(0);
});
