import { spawn, type ChildProcess } from 'node:child_process';
import net, { type AddressInfo } from 'node:net';
import path from 'node:path';
import type { Browser, Page, Response } from '@playwright/test';
import {
  checkPage,
  expect,
  listByApi,
  newUser,
  orderByApi,
  signUpByApi,
  test,
  uniqueTitle,
} from './fixtures';

/**
 * The publishable key is a run-time setting, so the Elements path needs no second build: a second
 * `next start` of the same .next with STRIPE_PUBLISHABLE_KEY set, rendering through the same gateway.
 * Nothing here may reach the internet: every request to a non-local host is recorded and aborted, which is
 * also how this machine (and any buyer offline) experiences js.stripe.com.
 */
const CLIENT = path.resolve(__dirname, '..');
const UNAVAILABLE = 'The card form could not load; check your connection and reload the page.';

const sparePort = () =>
  new Promise<number>((resolve, reject) => {
    const server = net.createServer().once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });

const withKey = test.extend<object, { keyedClientUrl: string }>({
  keyedClientUrl: [
    // eslint-disable-next-line no-empty-pattern
    async ({}, provide) => {
      const gateway = process.env.TICKETING_URL!;
      const port = await sparePort();
      const url = `http://127.0.0.1:${port}`;
      const child: ChildProcess = spawn(
        process.execPath,
        [require.resolve('next/dist/bin/next'), 'start', '-p', String(port)],
        {
          cwd: CLIENT,
          detached: true, // its own process group, so stopping it stops anything it started
          stdio: ['ignore', 'pipe', 'pipe'],
          env: {
            ...process.env,
            NODE_ENV: 'production',
            NEXT_TELEMETRY_DISABLED: '1',
            API_URL: gateway,
            AUTH_URL: gateway,
            STRIPE_PUBLISHABLE_KEY: 'pk_test_dummy',
          },
        },
      );
      let output = '';
      child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
      child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      try {
        await expect
          .poll(
            async () =>
              child.exitCode !== null
                ? 'exited'
                : fetch(`${url}/`).then(
                    (r) => r.status,
                    () => 'refused',
                  ),
            { timeout: 60_000, message: `the keyed client did not start:\n${output}` },
          )
          .toBe(200);
        await provide(url);
      } finally {
        if (child.exitCode === null) process.kill(-child.pid!, 'SIGTERM');
        await exited;
      }
    },
    { scope: 'worker' },
  ],
});

/** Records and aborts every request that would leave this machine. */
async function offline(page: Page): Promise<string[]> {
  const outside: string[] = [];
  await page.route(
    (url) => !['127.0.0.1', 'localhost'].includes(url.hostname),
    (route) => {
      outside.push(new URL(route.request().url()).host);
      return route.abort('internetdisconnected');
    },
  );
  return outside;
}

async function openOrderToPay(browser: Browser) {
  const seller = await browser.newContext();
  await signUpByApi(seller, newUser('seller'));
  const ticket = await listByApi(seller, uniqueTitle('Recital'), 6_000);
  // The buyer signs up last, so the access token is fresh when the page renders on the keyed client.
  const context = await browser.newContext();
  await signUpByApi(context, newUser('buyer'));
  return { context, orderId: await orderByApi(context, ticket.id) };
}

withKey(
  'when a publishable key is set and Stripe.js cannot load, then the order page says so instead of showing a card form',
  async ({ browser, keyedClientUrl }) => {
    const { context, orderId } = await openOrderToPay(browser);
    const page = await context.newPage();
    const outside = await offline(page);

    await page.goto(`${keyedClientUrl}/orders/${orderId}`);
    await expect(page.getByRole('heading', { level: 1, name: 'Your order' })).toBeVisible();
    await expect(page.getByTestId('card-payment')).toBeVisible();
    await expect(page.getByRole('alert').filter({ hasText: UNAVAILABLE })).toBeVisible();
    await expect(page.getByText('Test mode')).toHaveCount(0);
    await expect(page.getByRole('button', { name: /^Pay / })).toHaveCount(0);
    // Stripe.js was asked for (and only it): the key switched the page to Elements at run time.
    expect(outside.length).toBeGreaterThan(0);
    expect([...new Set(outside)]).toEqual(['js.stripe.com']);
    await checkPage(page, 'order-card-form-unavailable');
  },
);

test('when no publishable key is set, then the order page offers test cards and loads no Stripe code', async ({
  browser,
}) => {
  const { context, orderId } = await openOrderToPay(browser);
  const page = await context.newPage();
  const outside = await offline(page);
  const scripts: Response[] = [];
  page.on('response', (response) => {
    if (response.request().resourceType() === 'script') scripts.push(response);
  });

  await page.goto(`/orders/${orderId}`);
  await expect(page.getByText('Test mode')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Pay $66.00' })).toBeEnabled();
  await page.waitForLoadState('load');
  expect(outside).toEqual([]);
  expect(scripts.length).toBeGreaterThan(0);
  const withStripe = await Promise.all(
    scripts.map(async (response) =>
      (await response.text()).includes('js.stripe.com') ? response.url() : null,
    ),
  );
  expect(withStripe.filter(Boolean), 'scripts that carry Stripe.js loading code').toEqual([]);
});
