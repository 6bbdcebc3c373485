import type { Page } from '@playwright/test';
import {
  expect,
  newUser,
  openSellForm,
  signedInAs,
  signedUpContext,
  signInViaForm,
  signUpByApi,
  test,
  type User,
} from './fixtures';

/** Opens the sign-up page and fills its form with `fields`; the test sends it. */
async function fillSignUpForm(page: Page, fields: User): Promise<void> {
  await page.goto('/signup');
  await page.getByLabel('Name').fill(fields.name);
  await page.getByLabel('Email').fill(fields.email);
  await page.getByLabel('Password').fill(fields.password);
}

test('when the event form is sent with a date in the past, then that field says why and the others pass', async ({
  page,
  context,
}) => {
  await signUpByApi(context, newUser('seller'));
  await openSellForm(page);
  await page.getByLabel('City').fill('Lisbon');
  await page.getByLabel('Date and time').fill('2001-01-01T10:00');
  await page.getByRole('button', { name: 'Create event' }).click();
  await expect(page.getByRole('alert').first()).toContainText('Please correct the 3 fields marked below.');
  for (const label of ['Event title', 'Venue', 'Date and time']) {
    await expect(page.getByLabel(label)).toHaveAttribute('aria-invalid', 'true');
  }
  await expect(page.locator('#startsAt-error')).toHaveText('Choose a date and time in the future.');
  await expect(page.getByLabel('City')).toHaveAttribute('aria-invalid', 'false');
});

for (const { password, which, why } of [
  {
    password: 'short',
    which: 'a short password',
    why: 'Use at least 8 characters for your password (at most 128).',
  },
  {
    password: 'password',
    which: 'a common password',
    why: 'This password is on the lists of leaked passwords that attackers try first. Choose another one.',
  },
]) {
  test(`when the sign-up form has a bad email and ${which}, then both fields say why at once`, async ({
    page,
  }) => {
    await fillSignUpForm(page, { name: 'Someone', email: 'not-an-email', password });
    await page.getByRole('button', { name: 'Create account' }).click();
    await expect(page.locator('#email-error')).toHaveText('Enter an email address like name@example.com.');
    await expect(page.locator('#password-error')).toHaveText(why);
    await expect(page.getByLabel('Email')).toHaveAttribute('aria-invalid', 'true');
    await expect(page.getByLabel('Email')).toBeFocused();
  });
}

test('when a sign-up password is easy to guess, then the meter says so and the form refuses it before sending', async ({
  page,
}) => {
  const user = newUser('weak');
  await fillSignUpForm(page, { ...user, password: 'Summer2024!' });
  await expect(page.locator('#password-strength-text')).toHaveText('Strength: Fair');
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page.locator('#password-error')).toHaveText(
    'This password is too easy to guess. Make it longer, for example with a few unrelated words.',
  );
  await expect(page.getByLabel('Password')).toBeFocused();
  await page.getByLabel('Password').fill(user.password);
  await expect(page.locator('#password-strength-text')).toHaveText('Strength: Strong');
  await page.getByRole('button', { name: 'Create account' }).click();
  await signedInAs(page, user);
});

test('when a new user signs up through the form, then the header shows them signed in and sign-out works', async ({
  page,
}) => {
  const user = newUser('newcomer');
  await fillSignUpForm(page, user);
  await page.getByRole('button', { name: 'Create account' }).click();
  await signedInAs(page, user);
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('link', { name: 'Sign in' })).toBeVisible();
  await expect(page.getByTestId('current-user')).toHaveCount(0);
});

test('when a signed-out user opens a page that needs an account, then they sign in and come back to it', async ({
  page,
  browser,
}) => {
  const user = newUser('returning');
  // Their account, made in another browser.
  await (await signedUpContext(browser, user)).close();

  await page.goto('/sell');
  await expect(page).toHaveURL(/\/signin\?next=%2Fsell$/);
  await signInViaForm(page, user);
  await expect(page).toHaveURL(/\/sell$/);
  await expect(page.getByRole('heading', { name: 'Sell a ticket' })).toBeVisible();
  await signedInAs(page, user);
});

for (const evil of ['//evil.example', 'https://evil.example/', '/\\evil.example']) {
  test(`when sign-in is given next=${evil}, then it stays on this site`, async ({
    page,
    browser,
    baseURL,
  }) => {
    const user = newUser('careful');
    await (await signedUpContext(browser, user)).close();
    await page.goto(`/signin?next=${encodeURIComponent(evil)}`);
    await signInViaForm(page, user);
    await signedInAs(page, user);
    expect(page.url()).toBe(`${baseURL}/`);
  });
}
