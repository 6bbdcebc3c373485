import { randomBytes, randomUUID } from 'node:crypto';
import { orderEticketsIssued, userRegistered, type OrderEticketsIssued } from '@ticketing/common';
import { waitFor } from '@ticketing/common/testing';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import { notificationsForThisFile, PUBLIC_URL } from './support';

const ctx = notificationsForThisFile();

const decodeQr = (png: Buffer): string | undefined => {
  const image = PNG.sync.read(png);
  return jsQR(new Uint8ClampedArray(image.data), image.width, image.height)?.data;
};

const issued = (buyerId: string, ticketId: string, seats: Array<string | null>): OrderEticketsIssued => ({
  orderId: randomUUID(),
  userId: buyerId,
  ticket: { id: ticketId },
  issuedAt: new Date().toISOString(),
  etickets: seats.map((seat) => ({ id: randomUUID(), code: randomBytes(24).toString('base64url'), seat })),
});

test('when e-tickets are issued, then the buyer gets one confirmation, the event in its own time zone, with a QR code per e-ticket that decodes to its code', async () => {
  const buyer = await ctx.registerUser('buyer');
  const ticket = await ctx.listTicket({
    title: 'Jazz <b>night</b> & "friends"',
    venue: 'Blue Note',
    eventDate: '2031-07-11T00:30:00.000Z',
    timeZone: 'America/New_York',
  });
  const event = issued(buyer.id, ticket.id, ['A1', 'A2']);
  await ctx.publish(orderEticketsIssued, event);

  const [mail] = await ctx.receivedBy(buyer.email);
  expect(mail!.subject).toBe('Your tickets for Jazz <b>night</b> & "friends"');
  // The listing's title is the seller's text: escaped in HTML, never markup.
  expect(mail!.html).toContain('Jazz &lt;b&gt;night&lt;/b&gt; &amp; &quot;friends&quot;');
  expect(mail!.html).not.toContain('<b>night</b>');
  expect(mail!.html).toContain(`${PUBLIC_URL}/my-tickets`);
  expect(mail!.text).toContain(`See my tickets: ${PUBLIC_URL}/my-tickets`);
  expect(mail!.headers['message-id']).toMatch(/@ticketing\.test>$/);
  // The event's own clock, its zone named: never UTC for a show in New York.
  expect(mail!.text).toContain('Thursday, 10 July 2031 at 20:30 GMT-4 (America/New_York)');
  expect(mail!.html).toContain('Thursday, 10 July 2031 at 20:30 GMT-4 (America/New_York)');

  const images = mail!.attachments.filter((a) => a.contentType === 'image/png');
  expect(images.map((a) => a.contentId).sort()).toEqual(['eticket-1@ticketing', 'eticket-2@ticketing']);
  const decoded = await Promise.all(
    images
      .sort((a, b) => a.contentId.localeCompare(b.contentId))
      .map(async (a) => decodeQr(await ctx.maildev.attachment(mail!, a.generatedFileName))),
  );
  expect(decoded).toEqual(event.etickets.map((e) => e.code));
  for (const e of event.etickets) expect(mail!.text).toContain(e.code);
});

test('when the same e-tickets are announced twice (a new event id), then the buyer still gets one mail', async () => {
  const buyer = await ctx.registerUser('twice');
  const ticket = await ctx.listTicket();
  const event = issued(buyer.id, ticket.id, [null]);
  const first = await ctx.publish(orderEticketsIssued, event);
  const second = await ctx.publish(orderEticketsIssued, event);
  expect(second.id).not.toBe(first.id);

  await ctx.receivedBy(buyer.email);
  // Both events were handled (the second decided nothing new) before the inbox is counted.
  await waitFor(async () => {
    const { rowCount } = await ctx.service.database.pool.query(
      'select 1 from processed_events where event_id = any($1::uuid[])',
      [[first.id, second.id]],
    );
    return rowCount === 2;
  });
  await ctx.sentAs(`order-confirmation:${event.orderId}`);
  expect(await ctx.maildev.to(buyer.email)).toHaveLength(1);
});

test('when the e-tickets arrive before the buyer is known, then the mail waits and goes out once the user arrives', async () => {
  const ticket = await ctx.listTicket();
  const buyer = { id: randomUUID(), email: `late-${randomUUID()}@example.test`, name: 'Late' };
  const event = issued(buyer.id, ticket.id, ['B7']);
  await ctx.publish(orderEticketsIssued, event);
  await ctx.publish(userRegistered, buyer);

  const [mail] = await ctx.receivedBy(buyer.email);
  expect(mail!.text).toContain(event.etickets[0]!.code);
});
