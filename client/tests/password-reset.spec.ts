import {
  checkPage,
  expect,
  mailedLink,
  newUser,
  signedInAs,
  signInViaForm,
  signUpByApi,
  test,
} from './fixtures';

test('when a user forgets their password, then the mailed link lets them set a new one and sign in with it', async ({
  page,
  context,
}) => {
  const user = newUser('forgetful');
  await signUpByApi(context, user);
  await context.clearCookies();

  await page.goto('/signin');
  await page.getByRole('link', { name: 'Forgot password?' }).click();
  await expect(page.getByRole('heading', { name: 'Forgot your password?' })).toBeVisible();
  await checkPage(page, 'forgot-password');
  await page.getByLabel('Email').fill(user.email);
  await page.getByRole('button', { name: 'Send me a link' }).click();
  await expect(page.getByRole('status')).toContainText('If an account exists for that email');

  const link = await mailedLink(user.email, '/reset-password');
  await page.goto(link);
  await expect(page.getByRole('heading', { name: 'Choose a new password' })).toBeVisible();
  await checkPage(page, 'reset-password');
  const password = 'Lantern-Quarry-Osprey-73';
  await page.getByLabel('New password').fill('password');
  await page.getByRole('button', { name: 'Set new password' }).click();
  await expect(page.locator('#password-error')).toContainText('leaked passwords');
  await expect(page.getByLabel('New password')).toBeFocused();
  await page.getByLabel('New password').fill(password);
  await page.getByRole('button', { name: 'Set new password' }).click();
  await expect(page.getByRole('status')).toContainText('Your password is changed');

  await page.getByRole('link', { name: 'Sign in', exact: true }).last().click();
  await signInViaForm(page, { ...user, password });
  await signedInAs(page, user);
});
