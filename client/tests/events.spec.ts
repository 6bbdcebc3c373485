import {
  checkPage,
  createEventViaForm,
  eventByApi,
  expect,
  expectListings,
  expectNoSidewaysScroll,
  listByApi,
  newUser,
  ON_A_PHONE,
  searchableTitle,
  searchForOneEvent,
  signedUpContext,
  signedUpPage,
  signUpByApi,
  test,
} from './fixtures';

for (const device of ['desktop', 'phone'] as const) {
  test(`when a buyer searches with a typo (${device}), then they find the event, compare its seats cheapest first and open one`, async ({
    browser,
  }) => {
    test.setTimeout(180_000);
    const { word, title } = searchableTitle('The Midnight');
    const sellers = await signedUpContext(browser, newUser('seller'));
    const event = await eventByApi(sellers, title, {
      venue: 'Riverside Arena',
      city: 'Berlin',
      startsAt: '2031-03-14T19:00:00.000Z',
      timeZone: 'Europe/Berlin',
    });
    const listings = [
      { price: 9_000, place: { section: 'Stalls', row: 'A', seat: '12' } },
      { price: 4_800, place: { section: 'Balcony', row: 'D', seat: '4' } },
      { price: 6_500, place: {} },
    ];
    for (const { price, place } of listings)
      await listByApi(sellers, title, price, { eventId: event.id, ...place });

    const page = await (await browser.newContext(device === 'phone' ? ON_A_PHONE : {})).newPage();
    await page.goto('/');
    // Two letters swapped and lower case: "midnigth" still finds "Midnight", word by word.
    const card = await searchForOneEvent(page, `midnigth ${word.toLowerCase()}`);
    await expect(card).toContainText('3 tickets from $52.80 incl. $4.80 fee');
    await expect(card).toContainText('Fri, Mar 14, 2031, 8:00 PM GMT+1 (Europe/Berlin)');
    await checkPage(page, `events-search-${device}`);

    await card.getByRole('link', { name: title }).click();
    await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
    await expect(page.getByRole('heading', { name: '3 tickets on sale, lowest price first' })).toBeVisible();
    const rows = await expectListings(page, [
      ['$52.80 incl. $4.80 fee', 'Section Balcony · Row D · Seat 4'],
      ['$71.50'],
      ['$99.00', 'Section Stalls · Row A · Seat 12'],
    ]);
    if (device === 'phone') await expectNoSidewaysScroll(page, 'event page');
    await checkPage(page, `event-${device}`);

    await rows
      .nth(0)
      .getByRole('link', { name: /^View ticket/ })
      .click();
    await expect(page).toHaveURL(/\/tickets\/[0-9a-f-]{36}$/);
    await expect(page.getByTestId('seat')).toHaveText('Section Balcony · Row D · Seat 4');
    await expect(page.locator('.facts time')).toContainText('8:00 PM GMT+1 (Europe/Berlin)');
    await expect(page.getByTestId('all-in-price')).toHaveText('$52.80 incl. $4.80 fee');
  });
}

test('when a seller creates an event and lists in it, then a second seller finds it on the sell page and lists beside them', async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const { word, title } = searchableTitle('Opening night');
  const page = await signedUpPage(browser, newUser('seller'));
  await createEventViaForm(page, {
    title,
    venue: 'Old Vic Theatre',
    city: 'London',
    startsAt: '2031-06-20T19:30',
    timeZone: 'Europe/London',
    category: 'Theatre',
  });
  await expect(page).toHaveURL(/\/sell\?event=[0-9a-f-]{36}$/);
  await expect(page.getByTestId('chosen-event')).toContainText(
    'Fri, Jun 20, 2031, 7:30 PM GMT+1 (Europe/London)',
  );
  await page.getByLabel('Price').fill('55');
  await page.getByLabel('Currency').selectOption('gbp');
  await page.getByLabel('Section').fill('Dress Circle');
  await page.getByLabel('Row').fill('C');
  await page.getByRole('button', { name: 'List ticket' }).click();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await expect(page.getByText('This is your listing.')).toBeVisible();

  const other = await signedUpPage(browser, newUser('seller'), ON_A_PHONE);
  await other.goto('/sell');
  await other.getByRole('searchbox', { name: 'Find the event' }).fill(word);
  await other.getByRole('button', { name: 'Find' }).click();
  await expect(other.getByTestId('event-choice')).toHaveCount(1);
  await checkPage(other, 'sell-find-event');
  await other.getByRole('link', { name: `Sell a ticket for ${title}` }).click();
  // The page streams in (its event is read on the server), then becomes interactive.
  await expect(other.getByRole('button', { name: 'List ticket' })).toBeEnabled({ timeout: 45_000 });
  await checkPage(other, 'sell-ticket-step');
  await other.getByLabel('Price').fill('42.50');
  await other.getByLabel('Currency').selectOption('gbp');
  await other.getByRole('button', { name: 'List ticket' }).click();
  await expect(other.getByRole('heading', { level: 1, name: title })).toBeVisible();

  await other.getByRole('link', { name: 'All tickets for this event' }).click();
  await expectListings(other, [['£46.75'], ['£60.50', 'Section Dress Circle · Row C']]);
  await expectNoSidewaysScroll(other, 'event page on a phone');
});

test('when the same event is created twice, then the form says it exists and how to find it', async ({
  page,
  context,
}) => {
  await signUpByApi(context, newUser('seller'));
  const { title } = searchableTitle('Twice');
  await eventByApi(context, title, { startsAt: '2031-06-20T18:30:00.000Z', timeZone: 'Europe/Berlin' });
  await createEventViaForm(page, {
    title,
    venue: 'Playwright Arena',
    city: 'Berlin',
    startsAt: '2031-06-20T20:30',
    timeZone: 'Europe/Berlin',
  });
  await expect(page.locator('main').getByRole('alert')).toContainText(
    'This event is already on the marketplace',
  );
  await expect(page).toHaveURL(/\/sell$/);
});
