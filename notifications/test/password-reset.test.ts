import { randomBytes, randomUUID } from 'node:crypto';
import {
  userEmailVerificationRequested,
  userPasswordResetRequested,
  type Contract,
  type EventData,
} from '@ticketing/common';
import { uniqueSuffix } from '@ticketing/common/testing';
import { notificationsForThisFile, PUBLIC_URL } from './support';

const ctx = notificationsForThisFile();

const resetRequest = (minutesLeft: number) => ({
  userId: randomUUID(),
  email: `reset-${uniqueSuffix()}@example.test`,
  token: randomBytes(32).toString('base64url'),
  expiresAt: new Date(Date.now() + minutesLeft * 60_000).toISOString(),
});

/** Publishes a request twice, as the relay may deliver it, and reads the first mail it brought. */
const deliveredTwice = async <C extends Contract>(contract: C, request: EventData<C> & { email: string }) => {
  await ctx.publish(contract, request);
  await ctx.publish(contract, request);
  const [mail] = await ctx.receivedBy(request.email);
  return mail!;
};

/** The mail's link to a page of the site, which must lead there; what it carries is the test's to read. */
const linkTo = (mail: { html: string }, page: string) => {
  const href = new RegExp(`href="([^"]+${page}[^"]+)"`).exec(mail.html)?.[1]?.replaceAll('&amp;', '&');
  const link = new URL(href!);
  expect(`${link.origin}${link.pathname}`).toBe(`${PUBLIC_URL}/${page}`);
  return link;
};

test('when a password reset is requested, then one mail with a link to the reset page carrying the token arrives', async () => {
  const request = resetRequest(30);
  const mail = await deliveredTwice(userPasswordResetRequested, request);
  expect(mail.subject).toBe('Reset your Ticketing password');
  const link = linkTo(mail, 'reset-password');
  expect(link.searchParams.get('token')).toBe(request.token);
  expect(mail.text).toContain(link.toString());
  await ctx.sentAs(`password-reset:${request.userId}:${request.expiresAt}`);
  expect(await ctx.maildev.to(request.email)).toHaveLength(1);
});

test('when a reset request arrives after its link expired, then no mail is sent', async () => {
  const stale = resetRequest(-1);
  const fresh = { ...resetRequest(30), userId: stale.userId, email: stale.email };
  await ctx.publish(userPasswordResetRequested, stale);
  await ctx.publish(userPasswordResetRequested, fresh);
  // Events of one user are applied in order: once the fresh one's mail is out, the stale one was decided.
  const inbox = await ctx.receivedBy(stale.email);
  expect(inbox).toHaveLength(1);
  expect(inbox[0]!.text).toContain(fresh.token);
  expect(await ctx.mailRow(`password-reset:${stale.userId}:${stale.expiresAt}`)).toBeUndefined();
});

test('when an email verification is requested, then one mail with a link to the verify page carrying the token arrives', async () => {
  const request = { ...resetRequest(48 * 60), email: `verify-${uniqueSuffix()}@example.test` };
  const mail = await deliveredTwice(userEmailVerificationRequested, request);
  expect(mail.subject).toBe('Confirm your email address for Ticketing');
  const link = linkTo(mail, 'verify-email');
  expect(link.searchParams.get('token')).toBe(request.token);
  expect(mail.text).toContain('not list tickets for sale');
  await ctx.sentAs(`email-verification:${request.userId}:${request.expiresAt}`);
  expect(await ctx.maildev.to(request.email)).toHaveLength(1);
});
