import { ORDER_TTL_SECONDS } from './settings';
import {
  createEventViaForm,
  expect,
  listedByNewSeller,
  newUser,
  payUntilReceived,
  payWith,
  searchForOneEvent,
  signedInAs,
  signedUpPage,
  test,
  ticketPageOfNewBuyer,
  uniqueTitle,
} from './fixtures';

test('when a seller lists a ticket and a buyer finds and pays for it, then the order completes and the seller sees it sold', async ({
  browser,
}) => {
  // A seller's and a buyer's whole journeys, through the event form and the event page, on a busy machine.
  test.setTimeout(180_000);
  const sellerPage = await signedUpPage(browser, newUser('seller'));

  const title = uniqueTitle('Jazz night');
  await createEventViaForm(sellerPage, {
    title,
    venue: 'Blue Note Hall',
    city: 'New York',
    startsAt: '2031-06-20T20:30',
    timeZone: 'America/New_York',
  });
  await sellerPage.getByLabel('Price').fill('49.50');
  await sellerPage.getByRole('button', { name: 'List ticket' }).click();
  await expect(sellerPage.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await expect(sellerPage.getByText('This is your listing.')).toBeVisible();
  await expect(sellerPage.locator('.facts time')).toContainText('8:30 PM EDT (America/New_York)');
  const ticketUrl = sellerPage.url();

  // Other journeys list events sooner than this one, so the first page (soonest first) may not reach it: the
  // seller narrows the marketplace to the city and the night, as a buyer would.
  await sellerPage.goto('/');
  await sellerPage.getByLabel('City').fill('New York');
  await sellerPage.getByLabel('From').fill('2031-06-20');
  await sellerPage.getByLabel('To').fill('2031-06-21');
  await sellerPage.getByRole('button', { name: 'Search' }).click();
  await expect(sellerPage.getByRole('link', { name: title })).toBeVisible();

  const buyer = newUser('buyer');
  const buyerPage = await signedUpPage(browser, buyer);
  await buyerPage.goto('/');
  await signedInAs(buyerPage, buyer);
  const card = await searchForOneEvent(buyerPage, title);
  await expect(card).toContainText('1 ticket at $54.45');
  await buyerPage.getByRole('link', { name: title }).click();
  await expect(buyerPage.getByTestId('event-listing')).toHaveCount(1);
  await buyerPage.getByRole('link', { name: /^View ticket, \$54\.45/ }).click();
  await expect(buyerPage).toHaveURL(ticketUrl);

  // The replica in orders may lag the listing by a moment; the buy button waits for it.
  await buyerPage.getByRole('button', { name: 'Buy ticket' }).click();
  await expect(buyerPage).toHaveURL(/\/orders\/[0-9a-f-]{36}$/);
  await expect(buyerPage.getByRole('timer')).toHaveText(/^00:\d\d$/);
  await expect(buyerPage.getByText('Test mode')).toBeVisible();
  await payUntilReceived(buyerPage);

  await buyerPage.goto('/orders');
  await expect(buyerPage.getByTestId('order-row').filter({ hasText: title })).toContainText('Paid');
  await expect(buyerPage.getByTestId('order-row').filter({ hasText: title })).toContainText(
    '8:30 PM EDT (America/New_York)',
  );

  await sellerPage.goto('/listings');
  await expect(sellerPage.getByTestId('listing-row').filter({ hasText: title })).toContainText('Sold');
  await sellerPage.goto(ticketUrl);
  await expect(
    sellerPage.getByText('A listing reserved or sold (even in part) or withdrawn cannot be edited.'),
  ).toBeVisible();
  await buyerPage.goto(ticketUrl);
  await expect(buyerPage.getByTestId('unavailable')).toContainText('Sold');
});

test('when the first card is declined, then the buyer sees Stripe’s message and pays with another card', async ({
  browser,
}) => {
  const ticket = await listedByNewSeller(browser, uniqueTitle('Opera'), 12_000);

  const page = await ticketPageOfNewBuyer(browser, ticket);
  await page.getByRole('button', { name: 'Buy ticket' }).click();
  await expect(page).toHaveURL(/\/orders\//);
  await expect(page.getByRole('button', { name: 'Pay $132.00' })).toBeVisible();

  await payWith(page, 'Declined card');
  await expect(page.getByTestId('payment-error')).toContainText('Your card was declined.');
  await expect(page.getByRole('button', { name: 'Pay $132.00' })).toBeEnabled();

  await payUntilReceived(page);
});

test('when an order is not paid in time, then it shows expired and the ticket can be bought again', async ({
  browser,
}) => {
  test.setTimeout(120_000 + ORDER_TTL_SECONDS * 1000);
  const ticket = await listedByNewSeller(browser, uniqueTitle('Festival'));

  const page = await ticketPageOfNewBuyer(browser, ticket, 'late');
  await page.getByRole('button', { name: 'Buy ticket' }).click();
  await expect(page.getByRole('timer')).toBeVisible();
  await expect(page.getByTestId('order-result')).toContainText('This reservation expired', {
    timeout: (ORDER_TTL_SECONDS + 20) * 1000,
  });

  const other = await signedUpPage(browser, newUser('next'));
  // tickets, then orders' replica, learn of the release by events: until both have, the listing may
  // still be reserved or the order refused with 409, so the buyer tries again, as a person would.
  await expect(async () => {
    await other.goto(`/tickets/${ticket.id}`);
    await other.getByRole('button', { name: 'Buy ticket' }).click({ timeout: 5_000 });
    await expect(other.getByRole('timer')).toBeVisible({ timeout: 5_000 });
  }).toPass({ timeout: 60_000 });

  await page.goto('/orders');
  await expect(page.getByTestId('order-row')).toContainText('Expired');
});
