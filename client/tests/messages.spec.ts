import {
  eventByApi,
  expect,
  listByApi,
  newUser,
  signUpByApi,
  test,
  uniqueTitle,
  type User,
  openSellForm,
} from './fixtures';

/** What people must never read: validator wording and the API's field names. */
const RAW = /[<>]=|priceCents|eventDate|startsAt|timeZone|eventId|Invalid cursor|ISO 8601|IANA|must be /;

test('when the sell forms are sent empty or wrong, then every field says what to do at once and focus goes to the first', async ({
  page,
  context,
}) => {
  await signUpByApi(context, newUser('seller'));
  // Made while the access token is fresh: API calls from the test are not refreshed as the pages are.
  const event = await eventByApi(context, uniqueTitle('Empty form'));
  await openSellForm(page);
  await page.getByLabel('Image address (optional)').fill('http://plain.example/a.jpg');
  await page.getByRole('button', { name: 'Create event' }).click();
  await expect(page.locator('main').getByRole('alert').first()).toHaveText(
    'Please correct the 5 fields marked below.',
  );
  await expect(page.locator('#title-error')).toHaveText('Enter the event title (up to 120 characters).');
  await expect(page.locator('#venue-error')).toHaveText('Enter the venue (up to 120 characters).');
  await expect(page.locator('#city-error')).toHaveText('Enter the city (up to 80 characters).');
  await expect(page.locator('#startsAt-error')).toHaveText('Choose a date and time in the future.');
  await expect(page.locator('#imageUrl-error')).toContainText('starting with https://');
  await expect(page.getByLabel('Event title')).toBeFocused();
  await expect(page.locator('main')).not.toContainText(RAW);

  await page.goto(`/sell?event=${event.id}`);
  await page.getByLabel('Price').fill('12.345');
  await page.getByLabel('Seat').fill('x'.repeat(40));
  await page.getByRole('button', { name: 'List ticket' }).click();
  await expect(page.locator('main').getByRole('alert').first()).toHaveText(
    'Please correct the field marked below.',
  );
  await expect(page.locator('#price-error')).toContainText('Enter a price above zero');
  await expect(page.getByLabel('Price')).toBeFocused();
  await expect(page.locator('main')).not.toContainText(RAW);
});

test('when the results page is not one of ours, then the buyer reads a sentence and a way back, not the API', async ({
  page,
}) => {
  await page.goto('/?q=jazz&cursor=garbage&min=');
  await expect(page).toHaveURL(/\/\?q=jazz&cursor=garbage$/);
  await expect(page.locator('main').getByRole('alert')).toHaveText(
    'That page of results is no longer available. Start again from the first page.',
  );
  await expect(page.getByRole('link', { name: 'Back to the first page' })).toHaveAttribute(
    'href',
    '/?q=jazz',
  );
  await expect(page.locator('main')).not.toContainText(RAW);
});

test('when sorted by price, then events go cheapest first, each with its ticket count and lowest price in its currency', async ({
  page,
  browser,
}) => {
  const sellerContext = await browser.newContext();
  await signUpByApi(sellerContext, newUser('seller'));
  const word = uniqueTitle('Kabuki').split(' ')[1]!;
  const kabuki = await listByApi(sellerContext, `Kabuki ${word}`, 12_000, { currency: 'jpy' });
  await listByApi(sellerContext, `Kabuki ${word}`, 9_000, { currency: 'jpy', eventId: kabuki.eventId });
  await listByApi(sellerContext, `Musical ${word}`, 15_000, { currency: 'usd' });

  await page.goto(`/?q=${word}&sort=price`);
  await expect(page.getByLabel('Sort by')).toHaveValue('price');
  const cards = page.getByTestId('event-card');
  await expect(cards).toHaveCount(2);
  await expect(cards.nth(0)).toContainText(`Kabuki ${word}`);
  await expect(cards.nth(0)).toContainText('2 tickets from ¥9,900 incl. ¥900 fee');
  await expect(cards.nth(1)).toContainText('1 ticket at $165.00');

  await page.getByLabel('Sort by').selectOption('date');
  await page.getByRole('button', { name: 'Search' }).click();
  await expect(page).toHaveURL(new RegExp(`/\\?q=${word}$`));
  await expect(cards.nth(0)).toContainText(`Kabuki ${word}`);
});

test('when an email is already registered, then sign-up says so once, at the field, with a link to sign in', async ({
  page,
  browser,
}) => {
  const existing: User = newUser('taken');
  const setup = await browser.newContext();
  await signUpByApi(setup, existing);
  await page.goto('/signup');
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page.getByLabel('Name')).toBeFocused();
  await page.getByLabel('Name').fill('Someone Else');
  await page.getByLabel('Email').fill(existing.email);
  await page.getByLabel('Password').fill('another-password-456');
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page.locator('#email-error')).toHaveText(
    'An account with this email already exists. Sign in instead',
  );
  await expect(page.getByText('already exists')).toHaveCount(1);
  await expect(page.getByLabel('Email')).toBeFocused();
  await page.locator('#email-error').getByRole('link', { name: 'Sign in instead' }).click();
  await expect(page).toHaveURL(/\/signin$/);
});

test('when the browser prefers a language the site does not have, then the page is English and says so', async ({
  browser,
}) => {
  const context = await browser.newContext({ locale: 'fr-FR' });
  const page = await context.newPage();
  await page.goto('/');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Find tickets');
});
