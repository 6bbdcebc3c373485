import {
  checkPage,
  expect,
  listByApi,
  makeAdmin,
  newUser,
  orderByApi,
  signedInAs,
  signInViaForm,
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
  await expect(dialog.getByLabel('Reason shown to the seller')).toBeFocused();
  await dialog.getByRole('button', { name: 'Withdraw' }).click();
  await expect(dialog.getByRole('alert')).toHaveText('Give the seller a reason of at least 3 characters.');
  await checkPage(page, 'admin-withdraw-dialog');
  await dialog.getByLabel('Reason shown to the seller').fill('Tickets for this show are not transferable');
  await dialog.getByRole('button', { name: 'Withdraw' }).click();
  await expect(page.getByTestId('admin-listing').filter({ hasText: spam.title })).toHaveCount(0);
  const sellerPage = await sellerContext.newPage();
  await sellerPage.goto(`/tickets/${spam.id}`);
  await expect(sellerPage.getByTestId('moderation-reason')).toHaveText(
    'Withdrawn by moderation: Tickets for this show are not transferable',
  );
  await checkPage(sellerPage, 'ticket-moderated');
  await sellerPage.goto('/listings');
  await expect(sellerPage.getByTestId('moderation-reason')).toContainText('not transferable');
  await checkPage(sellerPage, 'listings-moderated');

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

test('when an admin refunds a paid order and locks a user, then each asks in a dialog, the refund goes through and the locked user is signed out and cannot sign in', async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const sellerContext = await browser.newContext();
  await signUpByApi(sellerContext, newUser('seller'));
  const ticket = await listByApi(sellerContext, uniqueTitle('Refundable'));
  const buyerContext = await browser.newContext();
  const buyer = newUser('buyer');
  await signUpByApi(buyerContext, buyer);
  const orderId = await orderByApi(buyerContext, ticket.id);
  const csrf = (await buyerContext.cookies()).find((c) => c.name === 'csrf_token')!.value;
  const paid = await buyerContext.request.post('/api/payments', {
    headers: { 'x-csrf-token': decodeURIComponent(csrf) },
    data: { orderId, paymentMethodId: 'pm_card_visa' },
  });
  expect([201, 202]).toContain(paid.status());

  const adminContext = await browser.newContext();
  const admin = newUser('admin');
  await signUpByApi(adminContext, admin);
  await makeAdmin(adminContext, admin);
  const page = await adminContext.newPage();
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
  await expect(row.getByRole('button', { name: `Lock ${buyer.email}` })).toBeVisible();
  await signInViaForm(buyerPage, buyer);
  await signedInAs(buyerPage, buyer);
});
