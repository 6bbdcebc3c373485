import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import {
  checkPage,
  eventByApi,
  expect,
  expectListings,
  listByApi,
  newUser,
  ON_A_PHONE,
  payWith,
  PHONE,
  searchableTitle,
  searchForOneEvent,
  signedUpContext,
  signedUpPage,
  test,
} from './fixtures';

interface InboxMail {
  id: string;
  subject: string;
  to: Array<{ address: string }>;
  attachments?: Array<{ contentType: string; contentId: string; generatedFileName: string }>;
}

const inboxUrl = () => {
  const inbox = process.env.TICKETING_INBOX_URL;
  if (!inbox) throw new Error('TICKETING_INBOX_URL is not set: global-setup did not start the platform');
  return inbox;
};

/** The order confirmation maildev caught for `address`, once it arrived. */
async function confirmationFor(address: string): Promise<InboxMail> {
  let found: InboxMail | undefined;
  await expect
    .poll(
      async () => {
        const mails = (await (await fetch(`${inboxUrl()}/api/email`)).json()) as InboxMail[];
        found = mails.find(
          (m) => m.to.some((t) => t.address === address) && m.subject.startsWith('Your tickets for'),
        );
        return found;
      },
      { timeout: 30_000 },
    )
    .toBeTruthy();
  return found!;
}

/** The codes the mail's QR images carry, read back from the PNGs as a door scanner would. */
async function qrCodesIn(mail: InboxMail): Promise<string[]> {
  const images = (mail.attachments ?? [])
    .filter((a) => a.contentType === 'image/png')
    .sort((a, b) => a.contentId.localeCompare(b.contentId));
  return Promise.all(
    images.map(async (a) => {
      const res = await fetch(`${inboxUrl()}/api/email/${mail.id}/attachment/${a.generatedFileName}`);
      const image = PNG.sync.read(Buffer.from(await res.arrayBuffer()));
      const decoded = jsQR(new Uint8ClampedArray(image.data), image.width, image.height)?.data;
      if (!decoded) throw new Error(`the QR image ${a.generatedFileName} does not decode`);
      return decoded;
    }),
  );
}

for (const device of ['desktop', 'phone'] as const) {
  test(`when a buyer takes two seats of one listing in one checkout (${device}), then the mail holds two QR codes and each admits once at the door`, async ({
    browser,
  }) => {
    // Two users, a payment, a mail, several pages checked with axe at two widths: a long journey.
    test.setTimeout(240_000);
    const { word, title } = searchableTitle('Harbour Lights', 'Pairs');
    const sellerContext = await signedUpContext(browser, newUser('seller'));
    const event = await eventByApi(sellerContext, title, { venue: 'Pier Hall', city: 'Hamburg' });
    await listByApi(sellerContext, title, 5_500, {
      eventId: event.id,
      section: 'Stalls',
      row: 'B',
      seat: '1',
    });
    await listByApi(sellerContext, title, 4_000, {
      eventId: event.id,
      section: 'Balcony',
      row: 'C',
      seat: '7-10',
      quantity: 4,
      split: 'no-single',
    });

    const buyer = newUser('pair-buyer');
    const page = await signedUpPage(browser, buyer, device === 'phone' ? ON_A_PHONE : {});

    // Finds the event and compares its listings: how many each holds and how they may be split.
    await page.goto('/');
    const card = await searchForOneEvent(page, word.toLowerCase());
    await expect(card).toContainText('5 tickets from $44.00 incl. $4.00 fee');
    await card.getByRole('link', { name: title }).click();
    await expect(page.getByRole('heading', { name: '5 tickets on sale, lowest price first' })).toBeVisible();
    const rows = await expectListings(page, [
      ['$44.00 incl. $4.00 fee', '4 of 4 tickets left', 'Never leave one ticket on its own'],
      ['1 ticket'],
    ]);
    await checkPage(page, `quantity-event-${device}`);

    // Picks two seats of the four: the total shows before Buy; three would leave one alone.
    await rows
      .nth(0)
      .getByRole('link', { name: /View ticket/ })
      .click();
    await expect(page.getByTestId('listing-quantity')).toContainText('4 of 4 tickets left');
    const quantity = page.getByLabel('Number of tickets');
    await expect(quantity.locator('option')).toHaveText(['1 ticket', '2 tickets', '4 tickets']);
    await quantity.selectOption('2');
    await expect(page.getByTestId('order-total')).toContainText('Total: $88.00 (2 tickets) incl. $8.00 fee');
    await checkPage(page, `quantity-ticket-${device}`);
    await page.getByRole('button', { name: 'Buy 2 tickets' }).click();
    await expect(page).toHaveURL(/\/orders\/[0-9a-f-]{36}$/);
    await expect(page.getByTestId('order-quantity')).toHaveText('2');
    await payWith(page, 'Visa — succeeds');
    await expect(page.getByTestId('order-result')).toContainText('the 2 tickets are yours');
    await expect(page.getByTestId('order-result')).toContainText('You paid $88.00');

    // One confirmation mail, two QR codes: the codes of the order's two e-tickets.
    const codes = await qrCodesIn(await confirmationFor(buyer.email));
    expect(codes).toHaveLength(2);
    expect(new Set(codes).size).toBe(2);
    await page.goto('/my-tickets');
    const shown = page.getByTestId('eticket').filter({ hasText: title });
    await expect(shown).toHaveCount(2);
    await expect(shown.getByTestId('eticket-position')).toHaveText([
      '1 of 2 in this order',
      '2 of 2 in this order',
    ]);
    expect((await shown.getByTestId('eticket-code').allTextContents()).map((c) => c.trim()).sort()).toEqual(
      [...codes].sort(),
    );

    // The rest stays on sale: two left, which may only go together now.
    await page.goto(`/events/${event.id}`);
    await expect(page.getByTestId('event-listing').nth(0)).toContainText('2 of 4 tickets left');

    // At the door: each code admits once; the first scanned again is already used.
    const door = await sellerContext.newPage();
    if (device === 'phone') await door.setViewportSize(PHONE);
    await door.goto('/checkin');
    const result = door.getByRole('status').getByTestId('checkin-result');
    for (const code of codes) {
      await door.getByLabel('Ticket code').fill(code);
      await door.getByRole('button', { name: 'Check in' }).click();
      await expect(result).toContainText('Valid — let them in');
      await expect(result).toContainText(title);
    }
    await checkPage(door, `quantity-checkin-${device}`);
    await door.getByLabel('Ticket code').fill(codes[0]!);
    await door.getByRole('button', { name: 'Check in' }).click();
    await expect(result).toContainText('Already used');

    // The seller's listings show what sold and what is left.
    await door.goto('/listings');
    await expect(
      door.getByTestId('listing-row').filter({ hasText: title }).getByTestId('listing-counts'),
    ).toHaveText(['2 sold · 2 left of 4', '0 sold · 1 left of 1']);
  });
}
