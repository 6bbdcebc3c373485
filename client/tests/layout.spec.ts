import {
  expect,
  expectNoSidewaysScroll,
  listedByNewSeller,
  newUser,
  ON_A_PHONE,
  signedUpPage,
  test,
  uniqueTitle,
} from './fixtures';

test('when an event is shown, then its time is given in its own time zone, named, with the reader’s own clock beside it', async ({
  browser,
}) => {
  // Three readers' browsers, one after the other, on a busy machine.
  test.setTimeout(180_000);
  const ticket = await listedByNewSeller(browser, uniqueTitle('Premiere'), 5_000, {
    startsAt: '2031-06-20T18:30:00.000Z',
    timeZone: 'America/New_York',
  });
  // The suite's browser runs in Europe/Berlin; a reader in Tokyo sees the same event time.
  for (const timezoneId of ['Europe/Berlin', 'Asia/Tokyo', 'America/New_York']) {
    const page = await (await browser.newContext({ timezoneId })).newPage();
    await page.goto(`/tickets/${ticket.id}`);
    const when = page.locator('.facts time');
    await expect(when).toContainText('Fri, Jun 20, 2031, 2:30 PM EDT (America/New_York)');
    if (timezoneId === 'America/New_York') await expect(when).not.toContainText('your time');
    else
      await expect(when).toContainText(
        timezoneId === 'Asia/Tokyo' ? '(Sat, 3:30 AM GMT+9 your time)' : '(Fri, 8:30 PM GMT+2 your time)',
      );
  }
});

test('when a phone opens the marketplace, then the header is one line, filters fold away and results are on the first screen', async ({
  browser,
}) => {
  const title = uniqueTitle('Phone show');
  await listedByNewSeller(browser, title, 2_000, {
    description: `Details: https://example.com/${'very-long-path-segment-'.repeat(12)}`,
  });
  const page = await signedUpPage(browser, newUser('phone'), ON_A_PHONE);
  await page.goto('/');
  expect((await page.locator('.site-header').boundingBox())!.height).toBeLessThanOrEqual(64);
  await expect(page.getByLabel('City')).toBeHidden();
  await expect(page.getByTestId('event-card').first()).toBeInViewport();

  await page.getByRole('button', { name: 'Filters' }).click();
  await expect(page.getByLabel('City')).toBeVisible();
  await expect(page.getByLabel('Sort by')).toBeVisible();
  await page.getByRole('button', { name: 'Menu' }).click();
  await expect(page.getByRole('link', { name: 'My orders' })).toBeVisible();
  await expectNoSidewaysScroll(page, 'marketplace with menu and filters open');

  await page.goto(`/?q=${encodeURIComponent(title)}`);
  await page.getByRole('link', { name: title }).click();
  await expect(page.getByTestId('event-listing')).toHaveCount(1);
  await expectNoSidewaysScroll(page, 'event page');
  await page.getByRole('link', { name: /^View ticket/ }).click();
  await expect(page.getByText('very-long-path-segment')).toBeVisible();
  await expectNoSidewaysScroll(page, 'ticket with a long address');
});
