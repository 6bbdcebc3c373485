import {
  checkPage,
  eventByApi,
  expect,
  newUser,
  payWith,
  signedUpContext,
  signedUpPage,
  test,
  uniqueTitle,
} from './fixtures';

test('when a seller lists and a buyer pays, then the fee is shown upfront, the receipt is itemised and the seller sees the earnings', async ({
  browser,
}) => {
  // Two users, a listing through the form, a payment, pages checked with axe at two widths.
  test.setTimeout(180_000);
  const sellerContext = await signedUpContext(browser, newUser('seller'));
  const sellerPage = await sellerContext.newPage();
  const title = uniqueTitle('Fee test');
  const event = await eventByApi(sellerContext, title);

  // The sell form: what the seller receives, live (10 % service fee for buyers, 5 % seller fee).
  await sellerPage.goto(`/sell?event=${event.id}`);
  const proceeds = sellerPage.getByTestId('seller-proceeds');
  await expect(proceeds).toHaveText('Enter a price to see what you receive.');
  await sellerPage.getByLabel('Price').fill('50');
  await expect(proceeds).toContainText('You receive $47.50');
  await expect(proceeds).toContainText('Buyers pay $55.00');
  await checkPage(sellerPage, 'sell-you-receive');
  await sellerPage.getByRole('button', { name: 'List ticket' }).click();
  await expect(sellerPage).toHaveURL(/\/tickets\/[0-9a-f-]{36}$/);
  const ticketUrl = sellerPage.url();

  const page = await signedUpPage(browser, newUser('buyer'));
  await page.goto(`/events/${event.id}`);
  await expect(page.getByTestId('event-listing').first()).toContainText('$55.00 incl. $5.00 fee');
  await page.goto(ticketUrl);
  await expect(page.getByTestId('all-in-price')).toHaveText('$55.00 incl. $5.00 fee');
  // The listing reaches orders a moment after it is created.
  await expect(async () => {
    await page.reload();
    await page.getByRole('button', { name: 'Buy ticket' }).click();
    await expect(page).toHaveURL(/\/orders\/[0-9a-f-]{36}$/, { timeout: 2_000 });
  }).toPass({ timeout: 20_000 });
  await expect(page.getByRole('button', { name: 'Pay $55.00' })).toBeVisible();
  await payWith(page, 'Visa — succeeds');
  await expect(page.getByTestId('order-result')).toContainText('You paid $55.00');
  await page.reload();
  const receipt = page.getByTestId('receipt');
  await expect(receipt).toContainText('Ticket price$50.00');
  await expect(receipt).toContainText('Service fee$5.00');
  await expect(receipt).toContainText('Total$55.00');
  await expect(receipt).toContainText('Paid');
  // The card that paid, as payments recorded it from Stripe's charge.
  await expect(page.getByTestId('receipt-card')).toHaveText('Visa ···· 4242');
  await checkPage(page, 'order-receipt');

  await sellerPage.getByRole('link', { name: 'Earnings' }).click();
  await expect(sellerPage).toHaveURL(/\/earnings$/);
  await expect(sellerPage.getByTestId('earnings-totals')).toContainText('USD');
  const sale = sellerPage.getByTestId('sale-row');
  await expect(sale).toHaveCount(1);
  await expect(sale).toContainText('$50.00');
  await expect(sale).toContainText('$2.50');
  await expect(sale).toContainText('$47.50');
  await expect(sale).toContainText('Pending');
  await checkPage(sellerPage, 'earnings');
});

test('when a seller types the price before the sell page is interactive, then the proceeds show it once it is', async ({
  browser,
}) => {
  const context = await signedUpContext(browser, newUser('early-seller'));
  const page = await context.newPage();
  const event = await eventByApi(context, uniqueTitle('Early price'));
  // The sell form's own code (the chunks that hold it) arrives only once the price is typed: until then
  // the page shows the server-rendered form, which takes the typing, but nothing of the form's runs.
  let release!: () => void;
  const formCodeHeld = new Promise<void>((resolve) => (release = resolve));
  await page.route('**/_next/static/chunks/**', async (route) => {
    const response = await route.fetch();
    if ((await response.text()).includes('seller-proceeds')) await formCodeHeld;
    await route.fulfill({ response });
  });
  // Not until `load`: that waits for the held code.
  await page.goto(`/sell?event=${event.id}`, { waitUntil: 'commit' });
  await page.getByLabel('Price').fill('50');
  release();
  await expect(page.getByTestId('seller-proceeds')).toContainText('You receive $47.50');
  await context.close();
});
