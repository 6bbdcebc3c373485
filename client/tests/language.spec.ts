import { checkPage, expect, listByApi, newUser, PHONE, signUpByApi, test, uniqueTitle } from './fixtures';

test('when a reader switches to Deutsch, then the marketplace, its forms and their messages speak German', async ({
  page,
  context,
}) => {
  const seller = await context.browser()!.newContext();
  await signUpByApi(seller, newUser('seller'));
  const title = uniqueTitle('Liederabend');
  await listByApi(seller, title, 4_250, { currency: 'eur' });

  await page.goto('/');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await page.getByRole('button', { name: 'Deutsch' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'de');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Tickets finden');
  await expect(page.getByRole('button', { name: 'Deutsch' })).toHaveAttribute('aria-pressed', 'true');
  await expect(page).toHaveTitle('Ticketing – Tickets für Veranstaltungen kaufen und verkaufen');

  // Money in the German way: "42,50 €" and more, never "€42.50".
  await page.getByRole('searchbox', { name: 'Suche' }).fill(title);
  await page.getByRole('button', { name: 'Suchen' }).click();
  const card = page.getByTestId('event-card').filter({ hasText: title });
  await expect(card.getByTestId('event-offer')).toContainText(/1 Ticket für \d+,\d{2}\s€/);
  await checkPage(page, 'de-marketplace');

  // The choice is remembered: a new page of the same browser is German too.
  await page.goto('/signup');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Konto erstellen');
  await page.getByLabel('Name').fill('Jemand');
  await page.getByLabel('E-Mail').fill('keine-adresse');
  await page.getByLabel('Passwort').fill('kurz');
  await page.getByRole('button', { name: 'Konto erstellen' }).click();
  await expect(page.locator('#email-error')).toHaveText(
    'Geben Sie eine E-Mail-Adresse wie name@example.com ein.',
  );
  await expect(page.locator('#password-error')).toHaveText(
    'Ihr Passwort braucht mindestens 8 Zeichen (höchstens 128).',
  );
  await expect(page.getByLabel('E-Mail')).toBeFocused();
  await checkPage(page, 'de-signup-errors');

  // A form the API answers: the seller's event form, sent half empty.
  await signUpByApi(context, newUser('verkauf'));
  await page.goto('/sell');
  // Interactive once the time zone is preset to the browser's (see openSellForm).
  await expect(page.getByText(/Vorausgewählt ist Ihre \(.+\)\.$/)).toBeVisible();
  await page.getByLabel('Stadt').fill('Wien');
  await page.getByLabel('Datum und Uhrzeit').fill('2001-01-01T10:00');
  await page.getByRole('button', { name: 'Veranstaltung anlegen' }).click();
  await expect(page.getByRole('alert').first()).toContainText(
    'Bitte korrigieren Sie die 3 unten markierten Felder.',
  );
  await expect(page.locator('#startsAt-error')).toHaveText(
    'Wählen Sie ein Datum und eine Uhrzeit in der Zukunft.',
  );
  await checkPage(page, 'de-sell-errors');

  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Sell a ticket');
});

test('when the browser prefers German, then the first page is German, dates included, without choosing', async ({
  browser,
}) => {
  const seller = await browser.newContext();
  await signUpByApi(seller, newUser('seller'));
  const ticket = await listByApi(seller, uniqueTitle('Premiere'), 5_000, {
    startsAt: '2031-06-20T18:30:00.000Z',
    timeZone: 'America/New_York',
  });
  const context = await browser.newContext({ locale: 'de-DE' });
  const page = await context.newPage();
  await page.goto(`/tickets/${ticket.id}`);
  await expect(page.locator('html')).toHaveAttribute('lang', 'de');
  // The event's own time zone still tells the time; only the words and their order are German.
  await expect(page.locator('.facts time')).toContainText(
    'Fr., 20. Juni 2031, 14:30 GMT-4 (America/New_York)',
  );
  await expect(page.getByRole('link', { name: 'Zum Kaufen anmelden' })).toBeVisible();
  await expect(page.getByTestId('cancellation-policy')).toContainText('vor Beginn stornieren');
  await checkPage(page, 'de-ticket');

  const phone = await browser.newContext({
    locale: 'de-DE',
    viewport: PHONE,
    isMobile: true,
    hasTouch: true,
  });
  const small = await phone.newPage();
  await small.goto('/');
  await expect(small.getByRole('heading', { level: 1 })).toHaveText('Tickets finden');
  await small.getByRole('button', { name: 'Menü' }).click();
  await expect(small.getByRole('link', { name: 'Verkaufen', exact: true })).toBeVisible();
  await checkPage(small, 'de-marketplace-menu');
});

test('when JavaScript is off, then the language switch still works: it is a plain form', async ({
  browser,
}) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto('/signin');
  await page.getByRole('button', { name: 'Deutsch' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Anmelden');
  await expect(page.locator('html')).toHaveAttribute('lang', 'de');
  await expect(page).toHaveURL(/\/signin$/);
});
