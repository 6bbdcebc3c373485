import type { Browser } from '@playwright/test';
import {
  adminPage,
  checkPage,
  expect,
  listByApi,
  listedByNewSeller,
  newUser,
  orderByApi,
  orderedByNewBuyer,
  payByApi,
  signedInAs,
  signedUpContext,
  signInViaForm,
  test,
  uniqueTitle,
} from './fixtures';

/**
 * A seller's three listings in one search word: one held by a buyer's unpaid order, one sold, one to withdraw
 * (the admin searches by the word, as other journeys list beside these).
 */
async function moderationScene(browser: Browser) {
  const sellerContext = await signedUpContext(browser, newUser('seller'));
  const tag = uniqueTitle('Moderation').replace(' ', '');
  const held = await listByApi(sellerContext, `Held show ${tag}`);
  const soldOut = await listByApi(sellerContext, `Sold show ${tag}`);
  const spam = await listByApi(sellerContext, `Dubious listing ${tag}`);
  const buyerContext = await signedUpContext(browser, newUser('buyer'));
  const orderId = await orderByApi(buyerContext, held.id);
  await payByApi(buyerContext, await orderByApi(buyerContext, soldOut.id));
  const page = await adminPage(browser);
  const listing = (title: string) => page.getByTestId('admin-listing').filter({ hasText: title });
  return { sellerContext, buyerContext, tag, held, soldOut, spam, orderId, page, listing };
}

test('when an admin opens someone’s order and the listing it holds, then they see its state, never a Pay form or a buyer’s wording', async ({
  browser,
}) => {
  test.setTimeout(150_000);
  const { held, orderId, page } = await moderationScene(browser);
  await page.goto('/admin');
  await expect(page.getByRole('heading', { level: 1, name: 'Admin' })).toBeVisible();
  await expect(page.getByTestId('admin-order').filter({ hasText: held.title })).toContainText(
    'Awaiting payment',
  );
  await page.getByTestId('admin-order').getByRole('link', { name: held.title }).click();
  await expect(page).toHaveURL(new RegExp(`/orders/${orderId}$`));
  await expect(page.getByRole('heading', { level: 1, name: 'Order' })).toBeVisible();
  await expect(page.locator('.lede .badge')).toBeVisible();
  await expect(page.getByRole('button', { name: /^Pay / })).toHaveCount(0);
  await expect(page.getByRole('timer')).toHaveCount(0);
  await expect(page.getByText(/reserved for you|your order/i)).toHaveCount(0);
  await checkPage(page, 'order-admin-view');

  // Before the hold runs out (a minute in these journeys): the listing's page as an admin sees it.
  await expect
    .poll(async () => {
      await page.goto(`/tickets/${held.id}`);
      return page.getByTestId('moderation-panel').textContent();
    })
    .toContain('1 reserved');
  await expect(page.getByRole('button', { name: /^Buy/ })).toHaveCount(0);
  await expect(page.getByText(/someone is paying|holding this ticket|buying holds/i)).toHaveCount(0);
  await checkPage(page, 'ticket-admin-view');
});

test('when an admin opens the console, then they see listings in every status, filter them by status, withdraw in a dialog only what may be withdrawn, and the seller reads why', async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const { sellerContext, buyerContext, tag, held, soldOut, spam, page, listing } =
    await moderationScene(browser);
  const statusOf = (title: string) => listing(title).getByTestId('admin-listing-status');
  /** Orders reach tickets through events: a listing turns reserved or sold shortly after. */
  const eventually = (title: string, status: string) =>
    expect
      .poll(async () => {
        await page.reload();
        return statusOf(title).textContent();
      })
      .toBe(status);
  await page.goto('/admin');
  await page.getByRole('searchbox', { name: 'Search listings' }).fill(tag);
  await page.getByRole('button', { name: 'Search listings' }).click();
  await expect(page).toHaveURL(new RegExp(`[?&]q=${tag}(&|$)`));
  await eventually(held.title, 'Reserved');
  await expect(listing(held.title).getByRole('button', { name: /^Withdraw/ })).toHaveCount(0);
  await expect(statusOf(spam.title)).toHaveText('Available');
  await checkPage(page, 'admin');

  await page.getByRole('button', { name: `Withdraw ${spam.title}` }).click();
  const dialog = page.getByRole('dialog', { name: `Withdraw “${spam.title}” from sale?` });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByLabel('Reason shown to the seller')).toBeFocused();
  await dialog.getByRole('button', { name: 'Withdraw' }).click();
  await expect(dialog.getByRole('alert')).toHaveText('Give the seller a reason of at least 3 characters.');
  await checkPage(page, 'admin-withdraw-dialog');
  await dialog.getByLabel('Reason shown to the seller').fill('Tickets for this show are not transferable');
  await dialog.getByRole('button', { name: 'Withdraw' }).click();
  await expect(statusOf(spam.title).locator('.badge')).toHaveText('Withdrawn');
  await expect(statusOf(spam.title)).toContainText(
    'Withdrawn by moderation: Tickets for this show are not transferable',
  );
  await expect(listing(spam.title).getByRole('button', { name: /^Withdraw/ })).toHaveCount(0);

  const filters = page.getByRole('navigation', { name: 'Listings by status' });
  await filters.getByRole('link', { name: 'Sold' }).click();
  await expect(page).toHaveURL(/[?&]status=sold(&|$)/);
  await expect(page.getByRole('searchbox', { name: 'Search listings' })).toHaveValue(tag);
  await expect(filters.getByRole('link', { name: 'Sold' })).toHaveAttribute('aria-current', 'true');
  await eventually(soldOut.title, 'Sold');
  expect(new Set(await page.getByTestId('admin-listing-status').allTextContents())).toEqual(
    new Set(['Sold']),
  );
  await expect(listing(spam.title)).toHaveCount(0);
  await expect(listing(held.title)).toHaveCount(0);
  await checkPage(page, 'admin-listings-sold');

  await filters.getByRole('link', { name: 'Withdrawn' }).click();
  await expect(page).toHaveURL(/[?&]status=withdrawn(&|$)/);
  await expect(statusOf(spam.title)).toContainText('not transferable');
  await expect(listing(soldOut.title)).toHaveCount(0);
  await checkPage(page, 'admin-listings-withdrawn');
  await filters.getByRole('link', { name: 'All' }).click();
  await expect(statusOf(soldOut.title)).toHaveText('Sold');
  await expect(listing(held.title)).toHaveCount(1);

  const sellerPage = await sellerContext.newPage();
  await sellerPage.goto(`/tickets/${spam.id}`);
  await expect(sellerPage.getByTestId('moderation-reason')).toHaveText(
    'Withdrawn by moderation: Tickets for this show are not transferable',
  );
  await checkPage(sellerPage, 'ticket-moderated');
  await sellerPage.goto('/listings');
  await expect(sellerPage.getByTestId('moderation-reason')).toContainText('not transferable');
  await checkPage(sellerPage, 'listings-moderated');

  const plain = await buyerContext.newPage();
  await plain.goto('/admin');
  await expect(plain.getByRole('heading', { name: /not found/i })).toBeVisible();
});

test('when a buyer cancels a reservation, then a dialog asks first and the header follows the answer', async ({
  browser,
}) => {
  const ticket = await listedByNewSeller(browser, uniqueTitle('Undecided'));
  const { context, orderId } = await orderedByNewBuyer(browser, ticket);
  const page = await context.newPage();
  await page.goto(`/orders/${orderId}`);

  await page.getByRole('button', { name: 'Cancel reservation' }).click();
  const dialog = page.getByRole('dialog', { name: 'Cancel this reservation?' });
  await dialog.getByRole('button', { name: 'Keep my reservation' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('order-status')).toHaveText('Awaiting payment');

  await page.getByRole('button', { name: 'Cancel reservation' }).click();
  await dialog.getByRole('button', { name: 'Cancel reservation' }).click();
  await expect(page.getByTestId('order-result')).toContainText('This order was cancelled');
  await expect(page.getByTestId('order-status')).toHaveText('Cancelled');
});

test('when a browser asks for /favicon.ico, then it gets the icon', async ({ request }) => {
  const res = await request.get('/favicon.ico');
  expect(res.status()).toBe(200);
  expect(res.headers()['content-type']).toContain('image/svg+xml');
});

test('when an admin refunds a paid order and locks a user, then each asks in a dialog, the refund goes through and the locked user is signed out and cannot sign in', async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const ticket = await listedByNewSeller(browser, uniqueTitle('Refundable'));
  const { buyer, context: buyerContext, orderId } = await orderedByNewBuyer(browser, ticket);
  await payByApi(buyerContext, orderId);

  const page = await adminPage(browser);
  await page.goto('/admin');
  const payment = page.locator(`[data-testid="admin-payment"][data-order-id="${orderId}"]`);
  await expect(payment).toContainText('Paid');
  await payment.getByRole('button', { name: /^Refund order/ }).click();
  const refund = page.getByRole('dialog', { name: /^Refund order/ });
  await expect(refund.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await checkPage(page, 'admin-refund-dialog');
  await refund.getByRole('button', { name: 'Refund' }).click();
  await expect
    .poll(async () => {
      await page.reload();
      return payment.getByRole('cell').nth(3).textContent();
    })
    .toBe('Refunded');
  await expect(payment.getByRole('button', { name: /^Refund/ })).toHaveCount(0);

  const row = page.getByTestId('admin-user').filter({ hasText: buyer.email });
  await row.getByRole('button', { name: `Lock ${buyer.email}` }).click();
  await page
    .getByRole('dialog', { name: `Lock ${buyer.email}?` })
    .getByRole('button', { name: 'Lock' })
    .click();
  await expect(row).toContainText('locked');
  await expect(row.getByRole('button', { name: `Unlock ${buyer.email}` })).toBeVisible();
  await checkPage(page, 'admin-users');

  const buyerPage = await buyerContext.newPage();
  await buyerPage.goto('/orders');
  await expect(buyerPage).toHaveURL(/\/signin/);
  await signInViaForm(buyerPage, buyer);
  await expect(buyerPage.getByRole('alert').filter({ hasText: 'This account is locked' })).toBeVisible();
  await checkPage(buyerPage, 'signin-locked');

  await row.getByRole('button', { name: `Unlock ${buyer.email}` }).click();
  await page
    .getByRole('dialog', { name: `Unlock ${buyer.email}?` })
    .getByRole('button', { name: 'Unlock' })
    .click();
  // Exact: "Lock …" is also a substring of the "Unlock …" button that is there until the unlock is through.
  await expect(row.getByRole('button', { name: `Lock ${buyer.email}`, exact: true })).toBeVisible();
  await signInViaForm(buyerPage, buyer);
  await signedInAs(buyerPage, buyer);
});
