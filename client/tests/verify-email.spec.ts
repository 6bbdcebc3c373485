import {
  checkPage,
  expect,
  expectNoSidewaysScroll,
  mailedLink,
  newUser,
  PHONE,
  signUpByApi,
  test,
} from './fixtures';

for (const [width, viewport] of [
  ['desktop', { width: 1280, height: 800 }],
  ['phone', PHONE],
] as const) {
  test(`when a new user has not confirmed their email (${width}), then selling waits for the mailed link, which confirms it`, async ({
    browser,
  }) => {
    const context = await browser.newContext({ viewport });
    const user = newUser('unconfirmed');
    await signUpByApi(context, user, { verified: false });
    const page = await context.newPage();

    await page.goto('/sell');
    const notice = page.getByTestId('verify-email-notice');
    await expect(notice).toContainText('Email not verified —');
    await expect(page.getByTestId('sell-unverified')).toContainText(
      'Confirm your email address before listing',
    );
    await expect(page.getByLabel('Title')).toHaveCount(0);
    if (width === 'desktop') await checkPage(page, 'sell-unverified');
    else await expectNoSidewaysScroll(page, 'sell-unverified');

    await notice.getByRole('button', { name: 'Resend the link' }).click();
    await expect(notice.getByRole('status')).toHaveText(
      `We sent a new link to ${user.email}. It works for 48 hours.`,
    );

    // The newest link: the resend replaced the one mailed at sign-up.
    const link = await mailedLink(user.email, '/verify-email', 2);
    await page.goto(link);
    await expect(page.getByTestId('verify-email-result')).toContainText('Your email address is confirmed');
    await expect(page.getByTestId('verify-email-notice')).toHaveCount(0);
    if (width === 'desktop') await checkPage(page, 'verify-email');

    await page.getByRole('main').getByRole('link', { name: 'Sell a ticket' }).click();
    await expect(page.getByRole('heading', { name: '1. Which event is your ticket for?' })).toBeVisible();

    await page.goto(link);
    await expect(page.getByRole('main').getByRole('alert')).toContainText(
      'This confirmation link is no longer valid',
    );
    if (width === 'desktop') await checkPage(page, 'verify-email-used');
    await context.close();
  });
}

test('when an unverified user lists through the API, then 403 email_not_verified', async ({ browser }) => {
  const context = await browser.newContext();
  await signUpByApi(context, newUser('api-unconfirmed'), { verified: false });
  const csrf = (await context.cookies()).find((c) => c.name === 'csrf_token')!.value;
  const res = await context.request.post('/api/events', {
    headers: { 'x-csrf-token': decodeURIComponent(csrf) },
    data: {
      title: 'Nope',
      venue: 'Hall',
      city: 'Berlin',
      startsAt: new Date(Date.now() + 86_400_000).toISOString(),
      timeZone: 'Europe/Berlin',
    },
  });
  expect(res.status()).toBe(403);
  expect(((await res.json()) as { errors: Array<{ code: string }> }).errors[0]!.code).toBe(
    'email_not_verified',
  );
  await context.close();
});
