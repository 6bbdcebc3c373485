import { readFile } from 'node:fs/promises';
import {
  checkPage,
  expect,
  listedByNewSeller,
  newUser,
  payUntilReceived,
  signedUpContext,
  test,
  uniqueTitle,
} from './fixtures';

test('when a buyer pays, then My tickets shows the QR code, the event in its own time zone (named) and the PDF, and the seller checks the code in once', async ({
  browser,
}) => {
  // Two users, a payment, two pages checked with axe at two widths, a download: a long journey.
  test.setTimeout(180_000);
  const title = uniqueTitle('Door test');
  // A show in New York, read from Berlin (the browser's zone): its own clock first, the zone named.
  const ticket = await listedByNewSeller(browser, title, undefined, {
    city: 'New York',
    startsAt: '2031-06-21T00:30:00.000Z',
    timeZone: 'America/New_York',
  });

  const buyerContext = await signedUpContext(browser, newUser('buyer'), { acceptDownloads: true });
  const buyerPage = await buyerContext.newPage();
  await buyerPage.goto(`/tickets/${ticket.id}`);
  await buyerPage.getByRole('button', { name: 'Buy ticket' }).click();
  await expect(buyerPage).toHaveURL(/\/orders\/[0-9a-f-]{36}$/);
  await payUntilReceived(buyerPage);

  await buyerPage.getByRole('link', { name: 'See my e-tickets' }).click();
  await expect(buyerPage).toHaveURL(/\/my-tickets$/);
  const card = buyerPage.getByTestId('eticket').filter({ hasText: title });
  await expect(card).toContainText('Valid');
  await expect(card).toContainText('General admission');
  await expect(card.locator('.facts time')).toContainText(
    'Fri, Jun 20, 2031, 8:30 PM EDT (America/New_York)',
  );
  await expect(card.locator('.facts time')).toContainText('your time');
  const qr = card.getByRole('img', { name: `QR code of your e-ticket for ${title}` });
  await expect(qr).toBeVisible();
  await expect(qr.locator('svg path').first()).toBeAttached();
  const code = (await card.getByTestId('eticket-code').textContent())!.trim();
  expect(code).toMatch(/^[\w-]{22}\.[\w-]{22}$/);
  await checkPage(buyerPage, 'my-tickets');

  const [download] = await Promise.all([
    buyerPage.waitForEvent('download'),
    card.getByRole('link', { name: 'Download PDF' }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^etickets-[0-9a-f-]{36}\.pdf$/);
  const pdf = await readFile((await download.path())!);
  expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');

  const sellerPage = await ticket.seller.newPage();
  await sellerPage.goto('/checkin');
  await sellerPage.getByLabel('Ticket code').fill(code);
  await sellerPage.getByRole('button', { name: 'Check in' }).click();
  const result = sellerPage.getByRole('status').getByTestId('checkin-result');
  await expect(result).toContainText('Valid — let them in');
  await expect(result).toContainText(title);
  await checkPage(sellerPage, 'checkin-admitted');

  await sellerPage.getByLabel('Ticket code').fill(code);
  await sellerPage.getByRole('button', { name: 'Check in' }).click();
  await expect(result).toContainText('Already used');
  await expect(result).toContainText('Checked in:');

  await sellerPage.getByLabel('Ticket code').fill(`${code.slice(0, -2)}AA`);
  await sellerPage.getByRole('button', { name: 'Check in' }).click();
  await expect(result).toContainText('Not valid');

  // An expired session makes the download take a detour through /session/refresh: go back to the list.
  await buyerPage.goto('/my-tickets');
  await expect(card).toContainText('Used');
});
