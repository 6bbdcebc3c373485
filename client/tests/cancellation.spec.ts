import {
  checkPage,
  expect,
  listedByNewSeller,
  payUntilReceived,
  test,
  ticketPageOfNewBuyer,
  uniqueTitle,
} from './fixtures';

test('when a buyer cancels a paid order within the window, then a dialog confirms it, the refund is shown and the ticket is back on sale', async ({
  browser,
}) => {
  // Two users, a payment, pages checked with axe at two widths: a long journey.
  test.setTimeout(180_000);
  const title = uniqueTitle('Cancel test');
  const ticket = await listedByNewSeller(browser, title, 4500, { cancellationHours: 48 });

  const page = await ticketPageOfNewBuyer(browser, ticket);
  await expect(page.getByTestId('cancellation-policy')).toHaveText(
    'You may cancel and be refunded until 48 hours before the event.',
  );
  await page.getByRole('button', { name: 'Buy ticket' }).click();
  await expect(page).toHaveURL(/\/orders\/[0-9a-f-]{36}$/);
  await payUntilReceived(page);

  const offer = page.getByTestId('cancel-paid-order');
  await expect(offer).toContainText('Cancel and refund until');
  await expect(offer).toContainText('(Europe/Berlin)');
  await checkPage(page, 'order-cancellable');

  await offer.getByRole('button', { name: 'Cancel and refund' }).click();
  const dialog = page.getByRole('dialog', { name: 'Cancel this order and get a refund?' });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('We refund $49.50 (price and service fee) to your card.');
  // A modal dialog: focus moves into it, Escape closes it and nothing happens.
  await expect(dialog.locator(':focus')).toHaveCount(1);
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('order-result')).toContainText('Payment received');

  await offer.getByRole('button', { name: 'Cancel and refund' }).click();
  await dialog.getByRole('button', { name: 'Cancel and refund' }).click();
  const result = page.getByTestId('order-result');
  await expect(result).toContainText('Cancelled — refund of $49.50');
  await expect(result).toContainText('refunded', { timeout: 20_000 });
  await expect(result).toContainText('Your e-ticket is no longer valid');
  await checkPage(page, 'order-cancelled');

  await page.goto('/orders');
  await expect(page.getByTestId('order-row').filter({ hasText: title })).toContainText(
    'Cancelled and refunded',
  );

  await expect
    .poll(
      async () =>
        ((await (await page.request.get(`/api/tickets/${ticket.id}`)).json()) as { status: string }).status,
    )
    .toBe('available');
});
