import type { Browser } from '@playwright/test';
import { checkPage, expect, listByApi, newUser, signUpByApi, test, uniqueTitle } from './fixtures';

// Every page, in three journeys that run side by side: a visitor's, a seller's and a buyer's.
test('when a visitor opens every page without an account, then axe finds no serious or critical violation (screenshots at desktop and phone width)', async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const visitor = await (await browser.newContext()).newPage();
  await visitor.goto('/');
  await checkPage(visitor, 'marketplace');
  await visitor.goto(`/?q=${encodeURIComponent('no such event anywhere')}`);
  await expect(visitor.getByText('No events match your search')).toBeVisible();
  await checkPage(visitor, 'marketplace-empty');
  await visitor.goto('/signin');
  await checkPage(visitor, 'signin');
  await visitor.goto('/signup');
  await visitor.getByRole('button', { name: 'Create account' }).click();
  await expect(visitor.locator('#email-error')).toBeVisible();
  await checkPage(visitor, 'signup-errors');
});

/** A seller's two listings, the first with a long address in its description. */
async function sellerWithListings(browser: Browser) {
  const sellerContext = await browser.newContext();
  await signUpByApi(sellerContext, newUser('seller'));
  const ticket = await listByApi(sellerContext, uniqueTitle('Symphony No. 9'), 8_900, {
    description: `Seat map: https://example.com/${'a-very-long-address-'.repeat(10)}`,
  });
  await listByApi(sellerContext, uniqueTitle('Stand-up comedy'), 2_500);
  return { seller: await sellerContext.newPage(), ticket };
}

test('when a seller and a visitor open the pages of a listing and its event, then axe finds no serious or critical violation (screenshots at desktop and phone width)', async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const { seller, ticket } = await sellerWithListings(browser);
  await seller.goto('/sell');
  await checkPage(seller, 'sell');
  await seller.goto(`/sell?event=${ticket.eventId}`);
  await expect(seller.getByTestId('chosen-event')).toBeVisible();
  await checkPage(seller, 'sell-ticket');
  await seller.goto(`/tickets/${ticket.id}/edit`);
  await expect(seller.getByLabel('Price')).toHaveValue('89.00');
  await checkPage(seller, 'edit');
  await seller.goto(`/tickets/${ticket.id}`);
  await checkPage(seller, 'ticket-own');
  await seller.goto('/listings');
  await expect(seller.getByTestId('listing-row').first()).toBeVisible();
  await checkPage(seller, 'listings');
  await seller.goto('/orders/00000000-0000-4000-8000-000000000000');
  await checkPage(seller, 'not-found');

  const visitor = await (await browser.newContext()).newPage();
  await visitor.goto(`/tickets/${ticket.id}`);
  await checkPage(visitor, 'ticket');
  await visitor.goto(`/events/${ticket.eventId}`);
  await expect(visitor.getByTestId('event-listing')).toHaveCount(1);
  await checkPage(visitor, 'event');
});

test('when a buyer opens the pages of buying, then axe finds no serious or critical violation (screenshots at desktop and phone width)', async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const { ticket } = await sellerWithListings(browser);
  const buyerContext = await browser.newContext();
  await signUpByApi(buyerContext, newUser('buyer'));
  const buyer = await buyerContext.newPage();
  await buyer.goto('/');
  await checkPage(buyer, 'marketplace-signed-in');
  await buyer.goto(`/tickets/${ticket.id}`);
  await buyer.getByRole('button', { name: 'Buy ticket' }).click();
  await expect(buyer.getByRole('timer')).toBeVisible();
  await checkPage(buyer, 'order');
  await buyer.goto('/orders');
  await checkPage(buyer, 'orders');
});

test('when the keyboard is used, then the skip link is the first stop and leads to the content', async ({
  page,
}) => {
  await page.goto('/');
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip to content' });
  await expect(skip).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/#main$/);
});
