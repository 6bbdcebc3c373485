import {
  checkPage,
  expect,
  listByApi,
  makeAdmin,
  newUser,
  orderByApi,
  signUpByApi,
  test,
  uniqueTitle,
} from './fixtures';

test('when an admin opens the console, then they see listings and everyone’s orders, withdraw in a dialog, and never a Pay form', async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const sellerContext = await browser.newContext();
  await signUpByApi(sellerContext, newUser('seller'));
  const held = await listByApi(sellerContext, uniqueTitle('Held show'));
  const spam = await listByApi(sellerContext, uniqueTitle('Dubious listing'));
  const buyerContext = await browser.newContext();
  await signUpByApi(buyerContext, newUser('buyer'));
  const orderId = await orderByApi(buyerContext, held.id);

  const adminContext = await browser.newContext();
  const admin = newUser('admin');
  await signUpByApi(adminContext, admin);
  await makeAdmin(adminContext, admin);
  const page = await adminContext.newPage();
  await page.goto('/admin');
  await expect(page.getByRole('heading', { level: 1, name: 'Admin' })).toBeVisible();
  await expect(page.getByTestId('admin-order').filter({ hasText: held.title })).toContainText(
    'Awaiting payment',
  );
  await checkPage(page, 'admin');

  await page.getByRole('button', { name: `Withdraw ${spam.title}` }).click();
  const dialog = page.getByRole('dialog', { name: `Withdraw “${spam.title}” from sale?` });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Keep it' })).toBeFocused();
  await dialog.getByRole('button', { name: 'Withdraw' }).click();
  await expect(page.getByTestId('admin-listing').filter({ hasText: spam.title })).toHaveCount(0);

  await page.getByTestId('admin-order').getByRole('link', { name: held.title }).click();
  await expect(page).toHaveURL(new RegExp(`/orders/${orderId}$`));
  await expect(page.getByRole('heading', { level: 1, name: 'Order' })).toBeVisible();
  await expect(page.locator('.lede .badge')).toBeVisible();
  await expect(page.getByRole('button', { name: /^Pay / })).toHaveCount(0);
  await expect(page.getByRole('timer')).toHaveCount(0);
  await expect(page.getByText(/reserved for you|your order/i)).toHaveCount(0);
  await checkPage(page, 'order-admin-view');

  const plain = await buyerContext.newPage();
  await plain.goto('/admin');
  await expect(plain.getByRole('heading', { name: /not found/i })).toBeVisible();
});

test('when a buyer cancels a reservation, then a dialog asks first and the header follows the answer', async ({
  browser,
}) => {
  const sellerContext = await browser.newContext();
  await signUpByApi(sellerContext, newUser('seller'));
  const ticket = await listByApi(sellerContext, uniqueTitle('Undecided'));
  const context = await browser.newContext();
  await signUpByApi(context, newUser('buyer'));
  const page = await context.newPage();
  await page.goto(`/orders/${await orderByApi(context, ticket.id)}`);

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
