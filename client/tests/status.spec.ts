import { ORDER_TTL_IN_WORDS, ORDER_TTL_SECONDS } from './settings';
import {
  expect,
  listedByNewSeller,
  newUser,
  ON_A_PHONE,
  orderedByNewBuyer,
  payUntilReceived,
  signedUpPage,
  test,
  ticketPageOfNewBuyer,
  uniqueTitle,
} from './fixtures';

test('when the buyer pays, then the order page’s header and panel both say Paid, without a reload', async ({
  browser,
}) => {
  const ticket = await listedByNewSeller(browser, uniqueTitle('Ballet'), 7_000);

  const page = await ticketPageOfNewBuyer(browser, ticket);
  await expect(page.getByTestId('hold-policy')).toHaveText(
    `Buying holds the ticket for you for ${ORDER_TTL_IN_WORDS} while you pay. If you do not pay in time, it goes back on sale.`,
  );
  await page.getByRole('button', { name: 'Buy ticket' }).click();
  await expect(page.getByTestId('order-status')).toHaveText('Awaiting payment');
  await payUntilReceived(page);
  await expect(page.getByTestId('order-status')).toHaveText('Paid');
});

test('when a reservation runs out on the order page, then header and panel both say it expired', async ({
  browser,
}) => {
  test.setTimeout(90_000 + ORDER_TTL_SECONDS * 1000);
  const ticket = await listedByNewSeller(browser, uniqueTitle('Matinee'));
  const { context, orderId } = await orderedByNewBuyer(browser, ticket, { label: 'slow' });
  const page = await context.newPage();
  await page.goto(`/orders/${orderId}`);
  await expect(page.getByTestId('order-status')).toHaveText('Awaiting payment');
  await expect(page.getByTestId('order-result')).toContainText('This reservation expired', {
    timeout: (ORDER_TTL_SECONDS + 20) * 1000,
  });
  await expect(page.getByTestId('order-status')).toHaveText('Expired');
});

test('when the buyer holding a ticket opens its page, then it links back to their order with the time left; others see it reserved', async ({
  browser,
}) => {
  const ticket = await listedByNewSeller(browser, uniqueTitle('Recital'));
  const { context, orderId } = await orderedByNewBuyer(browser, ticket, { label: 'holder' });

  const page = await context.newPage();
  // tickets learns of the reservation by an event, a moment after the order exists.
  await expect(async () => {
    await page.goto(`/tickets/${ticket.id}`);
    await expect(page.getByTestId('your-hold')).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 40_000 });
  await expect(page.getByTestId('your-hold')).toContainText('You are holding this ticket.');
  await expect(page.getByTestId('your-hold').getByRole('timer')).toHaveText(/^00:\d\d$/);
  await expect(page.getByText('Someone is paying')).toHaveCount(0);
  await page.getByRole('link', { name: 'Go to your order and pay' }).click();
  await expect(page).toHaveURL(new RegExp(`/orders/${orderId}$`));

  const other = await signedUpPage(browser, newUser('other'));
  await other.goto(`/tickets/${ticket.id}`);
  await expect(other.getByTestId('unavailable')).toContainText(
    'Someone is paying for this ticket right now.',
  );
  await expect(other.getByTestId('your-hold')).toHaveCount(0);
});

test('when a buyer pays on a phone, then the time left and the Pay button are on screen together', async ({
  browser,
}) => {
  const ticket = await listedByNewSeller(browser, uniqueTitle('Gig'), 3_000);
  const { context, orderId } = await orderedByNewBuyer(browser, ticket, {
    label: 'phone',
    options: ON_A_PHONE,
  });
  const page = await context.newPage();
  await page.goto(`/orders/${orderId}`);
  const pay = page.getByRole('button', { name: 'Pay $33.00' });
  const timer = page.getByRole('timer');
  await expect(pay).toBeInViewport();
  await expect(timer).toBeInViewport();
  // Scrolled to either end, the bar stays where the thumb is.
  for (const y of [0, 10_000]) {
    await page.evaluate((top) => window.scrollTo(0, top), y);
    await expect(pay).toBeInViewport();
    await expect(timer).toBeInViewport();
  }
});
