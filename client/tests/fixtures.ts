import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { Client } from 'pg';
import {
  test as base,
  expect,
  type Browser,
  type BrowserContext,
  type BrowserContextOptions,
  type Locator,
  type Page,
} from '@playwright/test';

export { expect };

export interface User {
  name: string;
  email: string;
  password: string;
}

export interface ListedTicket {
  id: string;
  eventId: string;
  title: string;
}

/** Every test runs against the platform global-setup started (its gateway URL). */
export const test = base.extend({
  // Playwright reads a fixture's dependencies from this (empty) pattern.
  // eslint-disable-next-line no-empty-pattern
  baseURL: async ({}, provide) => {
    const url = process.env.TICKETING_URL;
    if (!url) throw new Error('TICKETING_URL is not set: global-setup did not start the platform');
    await provide(url);
  },
});

export const newUser = (label: string): User => ({
  name: `${label[0]!.toUpperCase()}${label.slice(1)} ${randomUUID().slice(0, 4)}`,
  email: `${label}-${randomUUID().slice(0, 8)}@client.test`,
  password: 'client-password-123',
});

export const uniqueTitle = (what = 'Concert') => `${what} ${randomUUID().slice(0, 8)}`;

/** A title ending in a word no other test uses (`stem` and a random tail), so a search for the word finds only this test's events. */
export function searchableTitle(what: string, stem = 'Owls'): { word: string; title: string } {
  const word = `${stem}${Math.random().toString(36).slice(2, 8)}`;
  return { word, title: `${what} ${word}` };
}

interface InboxMail {
  date: string;
  html: string;
  to: Array<{ address: string }>;
}

/**
 * The link to `page` (e.g. '/verify-email') in the newest mail maildev caught for `address`, once `count`
 * such mails arrived (a resend is the second). The path and query only: the mail names the platform's
 * public address, which may be another host name than the one the browser's cookies belong to.
 */
export async function mailedLink(address: string, page: string, count = 1): Promise<string> {
  const inbox = process.env.TICKETING_INBOX_URL;
  if (!inbox) throw new Error('TICKETING_INBOX_URL is not set: global-setup did not start the platform');
  const pattern = new RegExp(`href="([^"]*${page}\\?token=[^"]+)"`);
  let link: string | undefined;
  await expect
    .poll(async () => {
      const mails = (await (await fetch(`${inbox}/api/email`)).json()) as InboxMail[];
      const matching = mails
        .filter((m) => m.to.some((t) => t.address === address) && pattern.test(m.html))
        .sort((a, b) => Date.parse(a.date) - Date.parse(b.date));
      const href = matching.length >= count ? pattern.exec(matching.at(-1)!.html)?.[1] : undefined;
      const url = href && new URL(href.replaceAll('&amp;', '&'));
      link = url ? `${url.pathname}${url.search}` : undefined;
      return link;
    })
    .toBeTruthy();
  return link!;
}

/**
 * Follows the confirmation link mailed at sign-up through the API, as the verify page does, and renews
 * the session so its access token carries the verified claim.
 */
export async function verifyEmailByApi(context: BrowserContext, user: User): Promise<void> {
  const token = new URL(await mailedLink(user.email, '/verify-email'), 'http://x').searchParams.get('token')!;
  const headers = await csrfHeaders(context);
  expect((await context.request.post('/api/users/verify-email', { data: { token }, headers })).status()).toBe(
    204,
  );
  expect((await context.request.post('/api/users/refresh', { headers })).status()).toBe(204);
}

/**
 * Signs up through the API with the context's own cookie jar (the CSRF double submit included) and
 * confirms the email address from the mail, unless `verified: false` (listing tickets asks for it).
 */
export async function signUpByApi(
  context: BrowserContext,
  user: User,
  { verified = true }: { verified?: boolean } = {},
): Promise<void> {
  await context.request.get('/api/users/currentuser');
  const res = await context.request.post('/api/users/signup', {
    data: user,
    headers: await csrfHeaders(context),
  });
  expect(res.status()).toBe(201);
  if (verified) await verifyEmailByApi(context, user);
}

/** A browser context of its own (`options` as for `browser.newContext`), signed up as `user` (verified). */
export async function signedUpContext(
  browser: Browser,
  user: User,
  options?: BrowserContextOptions,
): Promise<BrowserContext> {
  const context = await browser.newContext(options);
  await signUpByApi(context, user);
  return context;
}

/** A page in a browser context of its own, signed up as `user` (see signedUpContext). */
export async function signedUpPage(
  browser: Browser,
  user: User,
  options?: BrowserContextOptions,
): Promise<Page> {
  return (await signedUpContext(browser, user, options)).newPage();
}

/** A new seller, in a browser context of their own (`seller`, answered too), lists a ticket (see listByApi). */
export async function listedByNewSeller(
  browser: Browser,
  title: string,
  priceCents?: number,
  extra?: ListingExtra,
): Promise<ListedTicket & { seller: BrowserContext }> {
  const seller = await signedUpContext(browser, newUser('seller'));
  return { ...(await listByApi(seller, title, priceCents, extra)), seller };
}

/** A new buyer, signed up in a browser context of their own, on the page of `ticket`. */
export async function ticketPageOfNewBuyer(
  browser: Browser,
  ticket: { id: string },
  label = 'buyer',
): Promise<Page> {
  const page = await signedUpPage(browser, newUser(label));
  await page.goto(`/tickets/${ticket.id}`);
  return page;
}

/** A new buyer, signed up in a browser context of their own (`options`), orders `ticket` through the API. */
export async function orderedByNewBuyer(
  browser: Browser,
  ticket: { id: string },
  { label = 'buyer', options }: { label?: string; options?: BrowserContextOptions } = {},
): Promise<{ buyer: User; context: BrowserContext; orderId: string }> {
  const buyer = newUser(label);
  const context = await signedUpContext(browser, buyer, options);
  return { buyer, context, orderId: await orderByApi(context, ticket.id) };
}

/** A page of a new user made an admin (see makeAdmin), in a browser context of its own. */
export async function adminPage(browser: Browser): Promise<Page> {
  const admin = newUser('admin');
  const context = await signedUpContext(browser, admin);
  await makeAdmin(context, admin);
  return context.newPage();
}

const csrfHeaders = async (context: BrowserContext) => {
  const csrf = (await context.cookies()).find((c) => c.name === 'csrf_token')?.value ?? '';
  return { 'x-csrf-token': decodeURIComponent(csrf) };
};

export interface EventExtra {
  venue?: string;
  city?: string;
  startsAt?: string;
  timeZone?: string;
}

/** Creates an event through the API (the context must be signed in). */
export async function eventByApi(context: BrowserContext, title: string, extra: EventExtra = {}) {
  const res = await context.request.post('/api/events', {
    headers: await csrfHeaders(context),
    data: {
      title,
      venue: 'Playwright Arena',
      city: 'Berlin',
      startsAt: new Date(Date.now() + 21 * 24 * 3600_000).toISOString(),
      timeZone: 'Europe/Berlin',
      // Only the fields given: an undefined one would erase its default.
      ...Object.fromEntries(Object.entries(extra).filter(([, value]) => value !== undefined)),
    },
  });
  expect(res.status()).toBe(201);
  return (await res.json()) as { id: string; title: string };
}

export interface ListingExtra extends EventExtra {
  /** List in this event instead of a new one titled `title`. */
  eventId?: string;
  currency?: string;
  description?: string;
  section?: string;
  row?: string;
  seat?: string;
  quantity?: number;
  split?: 'any' | 'no-single' | 'all';
  cancellationHours?: number;
}

/**
 * Lists a ticket through the API, in a new event titled `title` unless `extra.eventId` names one, and
 * waits until orders knows it (so it can be bought at once).
 */
export async function listByApi(
  context: BrowserContext,
  title: string,
  priceCents = 4500,
  extra: ListingExtra = {},
): Promise<ListedTicket> {
  const { eventId, venue, city, startsAt, timeZone, ...terms } = extra;
  const event = eventId ?? (await eventByApi(context, title, { venue, city, startsAt, timeZone })).id;
  const headers = await csrfHeaders(context);
  const res = await context.request.post('/api/tickets', {
    headers,
    data: {
      eventId: event,
      priceCents,
      currency: 'usd',
      description: 'Row 7, seat 12. Standing area close to the stage.',
      ...terms,
    },
  });
  expect(res.status()).toBe(201);
  const ticket = (await res.json()) as ListedTicket;
  // The seller's own order attempt answers 400 ("your own ticket") once the orders replica has it.
  await expect
    .poll(async () =>
      (await context.request.post('/api/orders', { headers, data: { ticketId: ticket.id } })).status(),
    )
    .toBe(400);
  return ticket;
}

/** Orders a ticket through the API (the buyer's context must be signed in); returns the order's id. */
export async function orderByApi(context: BrowserContext, ticketId: string): Promise<string> {
  const csrf = (await context.cookies()).find((c) => c.name === 'csrf_token')?.value ?? '';
  const res = await context.request.post('/api/orders', {
    headers: { 'x-csrf-token': decodeURIComponent(csrf) },
    data: { ticketId },
  });
  expect(res.status()).toBe(201);
  return ((await res.json()) as { id: string }).id;
}

/** Pays an order through the API with the emulator's card that succeeds (the buyer's context). */
export async function payByApi(context: BrowserContext, orderId: string): Promise<void> {
  const headers = await csrfHeaders(context);
  // Payments learns of the order through order.created: until then it answers 404, and the buyer tries again.
  let status = 0;
  await expect
    .poll(async () => {
      const res = await context.request.post('/api/payments', {
        headers,
        data: { orderId, paymentMethodId: 'pm_card_visa' },
      });
      return (status = res.status());
    })
    .not.toBe(404);
  expect([201, 202]).toContain(status);
}

/** What `npm run make-admin -w auth -- <email>` does, on this run's auth database; then signs in again. */
export async function makeAdmin(context: BrowserContext, user: User): Promise<void> {
  const db = new Client({ connectionString: process.env.TICKETING_AUTH_DB });
  await db.connect();
  try {
    await db.query(`update users set role = 'admin' where email = $1`, [user.email]);
  } finally {
    await db.end();
  }
  const csrf = (await context.cookies()).find((c) => c.name === 'csrf_token')?.value ?? '';
  const res = await context.request.post('/api/users/signin', {
    data: { email: user.email, password: user.password },
    headers: { 'x-csrf-token': decodeURIComponent(csrf) },
  });
  expect(res.status()).toBe(200);
}

export async function signInViaForm(page: Page, user: User): Promise<void> {
  await page.getByLabel('Email').fill(user.email);
  await page.getByLabel('Password').fill(user.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

export const signedInAs = (page: Page, user: User) =>
  expect(page.getByTestId('current-user')).toContainText(user.name);

/** Searches the marketplace the page shows for `query` and expects one event card: the one it answers. */
export async function searchForOneEvent(page: Page, query: string): Promise<Locator> {
  await page.getByRole('searchbox', { name: 'Search' }).fill(query);
  await page.getByRole('button', { name: 'Search' }).click();
  const card = page.getByTestId('event-card');
  await expect(card).toHaveCount(1);
  return card;
}

/** The event page lists one row a listing, as many as `rows`, each containing every text of its entry. */
export async function expectListings(page: Page, rows: string[][]): Promise<Locator> {
  const listings = page.getByTestId('event-listing');
  await expect(listings).toHaveCount(rows.length);
  for (const [i, texts] of rows.entries()) {
    for (const text of texts) await expect(listings.nth(i)).toContainText(text);
  }
  return listings;
}

/** Picks a test card and pays; the test-mode picker is what runs without a Stripe key. */
export async function payWith(page: Page, cardLabel: string): Promise<void> {
  await page.getByRole('radio', { name: cardLabel }).check();
  await page.getByRole('button', { name: /^Pay / }).click();
}

/** Pays with the card that succeeds, until the order page says the payment was received. */
export async function payUntilReceived(page: Page): Promise<void> {
  await payWith(page, 'Visa — succeeds');
  await expect(page.getByTestId('order-result')).toContainText('Payment received');
}

const SHOTS = path.join(__dirname, '..', 'test-results', 'screenshots');

/**
 * Opens the sell page's event form once it is interactive: before hydration the time zone select is
 * re-rendered with the browser's zone (replacing a choice) and a click would send the bare HTML form.
 */
export async function openSellForm(page: Page): Promise<void> {
  await page.goto('/sell');
  await expect(page.getByText(/Preset to yours \(.+\)\.$/)).toBeVisible();
}

/**
 * What the sell page's event form is filled with: `startsAt` as its date-time input takes it
 * ('2031-06-20T20:30', on the event's own clock), `category` a label (none chosen when left out).
 */
export type EventForm = Required<EventExtra> & { title: string; category?: string };

/** Opens the sell page and sends its event form filled with `event`. */
export async function createEventViaForm(page: Page, event: EventForm): Promise<void> {
  await openSellForm(page);
  await page.getByLabel('Event title').fill(event.title);
  await page.getByLabel('Venue').fill(event.venue);
  await page.getByLabel('City').fill(event.city);
  await page.getByLabel('Date and time').fill(event.startsAt);
  await page.getByLabel('Time zone').selectOption(event.timeZone);
  if (event.category) await page.getByLabel('Category (optional)').selectOption({ label: event.category });
  await page.getByRole('button', { name: 'Create event' }).click();
}

export const PHONE = { width: 390, height: 844 };
/** Context options of a phone: its screen, touch, and the mobile viewport meta tag honoured. */
export const ON_A_PHONE = { viewport: PHONE, isMobile: true, hasTouch: true };

/** The page is no wider than the screen (nothing to scroll sideways). */
export async function expectNoSidewaysScroll(page: Page, name: string): Promise<void> {
  const widths = await page.evaluate(() => ({
    scroll: document.scrollingElement!.scrollWidth,
    inner: window.innerWidth,
  }));
  expect(widths.scroll, `${name}: page wider than the ${widths.inner}px screen`).toBeLessThanOrEqual(
    widths.inner,
  );
}

/**
 * No serious or critical axe violation, then a full-page screenshot at desktop and phone widths; at
 * phone width the page must not scroll sideways.
 */
export async function checkPage(page: Page, name: string): Promise<void> {
  // A session whose access token expired meanwhile takes one hop through /session/refresh and back:
  // analyse the page that hop lands on, not the one it navigates away from.
  await page.waitForURL((url) => !url.pathname.startsWith('/session/refresh'));
  await page.waitForLoadState('load');
  // Next streams a dynamic page's metadata after its body: the title can arrive after 'load'.
  await expect(page, `${name}: the page has a title`).toHaveTitle(/\S/);
  const results = await new AxeBuilder({ page }).analyze();
  const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(
    bad.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
    `${name}: accessibility violations`,
  ).toEqual([]);
  mkdirSync(SHOTS, { recursive: true });
  const original = page.viewportSize();
  for (const [label, size] of [
    ['desktop', { width: 1280, height: 800 }],
    ['phone', PHONE],
  ] as const) {
    await page.setViewportSize(size);
    if (label === 'phone') await expectNoSidewaysScroll(page, name);
    await page.screenshot({ path: path.join(SHOTS, `${name}-${label}.png`), fullPage: true });
  }
  if (original) await page.setViewportSize(original);
}
