import { ACCESS_TOKEN_TTL_SECONDS } from './settings';
import {
  expect,
  listedByNewSeller,
  newUser,
  signedInAs,
  signedUpContext,
  test,
  uniqueTitle,
} from './fixtures';

test('when the access token has expired, then pages and API calls refresh the session without the user noticing', async ({
  browser,
}) => {
  test.setTimeout(120_000 + ACCESS_TOKEN_TTL_SECONDS * 1000);
  const ticket = await listedByNewSeller(browser, uniqueTitle('Late show'));

  const buyer = newUser('sleepy');
  const context = await signedUpContext(browser, buyer);
  const page = await context.newPage();
  await page.goto('/orders');
  await signedInAs(page, buyer);
  const stale = (await context.cookies()).find((c) => c.name === 'access_token')!;

  // Nothing to poll for: the token's lifetime is the thing under test.
  await page.waitForTimeout((ACCESS_TOKEN_TTL_SECONDS + 1) * 1000);

  // Server-side rendering: the page loads signed in, not bounced to the sign-in page.
  await page.goto('/orders');
  await expect(page).toHaveURL(/\/orders$/);
  await expect(page.getByRole('heading', { name: 'My orders' })).toBeVisible();
  await signedInAs(page, buyer);
  const fresh = (await context.cookies()).find((c) => c.name === 'access_token')!;
  expect(fresh.value).not.toBe(stale.value);

  // Browser-side call: put the expired token back; the buy answers 401 session_expired, refreshes and retries.
  await page.goto(`/tickets/${ticket.id}`);
  await context.addCookies([{ ...stale }]);
  await page.getByRole('button', { name: 'Buy ticket' }).click();
  await expect(page).toHaveURL(/\/orders\/[0-9a-f-]{36}$/);
  await expect(page.getByRole('timer')).toBeVisible();

  // A form's server action, which the proxy cannot bounce: switching the language on a page that needs an
  // account, with the expired token back, renders that page again in German, not the sign-in page.
  await page.goto('/sell');
  await context.addCookies([{ ...stale }]);
  await page.getByRole('button', { name: 'Deutsch' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Ticket verkaufen');
  await expect(page).toHaveURL(/\/sell$/);
  await signedInAs(page, buyer);
});
