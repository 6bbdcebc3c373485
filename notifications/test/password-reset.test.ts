import { randomBytes, randomUUID } from 'node:crypto';
import { userEmailVerificationRequested, userPasswordResetRequested } from '@ticketing/common';
import { uniqueSuffix, waitFor } from '@ticketing/common/testing';
import { mailRow, publish, PUBLIC_URL, receivedBy, notificationsForThisFile } from './support';

const ctx = notificationsForThisFile();

const resetRequest = (minutesLeft: number) => ({
  userId: randomUUID(),
  email: `reset-${uniqueSuffix()}@example.test`,
  token: randomBytes(32).toString('base64url'),
  expiresAt: new Date(Date.now() + minutesLeft * 60_000).toISOString(),
});

test('when a password reset is requested, then one mail with a link to the reset page carrying the token arrives', async () => {
  const { service, maildev } = ctx;
  const request = resetRequest(30);
  await publish(service, userPasswordResetRequested, request);
  // The relay may deliver twice: still one mail.
  await publish(service, userPasswordResetRequested, request);

  const [mail] = await receivedBy(maildev, request.email);
  expect(mail!.subject).toBe('Reset your Ticketing password');
  const href = /href="([^"]+reset-password[^"]+)"/.exec(mail!.html)?.[1]?.replaceAll('&amp;', '&');
  const link = new URL(href!);
  expect(`${link.origin}${link.pathname}`).toBe(`${PUBLIC_URL}/reset-password`);
  expect(link.searchParams.get('token')).toBe(request.token);
  expect(mail!.text).toContain(link.toString());
  const key = `password-reset:${request.userId}:${request.expiresAt}`;
  await waitFor(async () => (await mailRow(service, key))?.state === 'sent');
  expect(await maildev.to(request.email)).toHaveLength(1);
});

test('when a reset request arrives after its link expired, then no mail is sent', async () => {
  const { service, maildev } = ctx;
  const stale = resetRequest(-1);
  const fresh = { ...resetRequest(30), userId: stale.userId, email: stale.email };
  await publish(service, userPasswordResetRequested, stale);
  await publish(service, userPasswordResetRequested, fresh);
  // Events of one user are applied in order: once the fresh one's mail is out, the stale one was decided.
  const inbox = await receivedBy(maildev, stale.email);
  expect(inbox).toHaveLength(1);
  expect(inbox[0]!.text).toContain(fresh.token);
  expect(await mailRow(service, `password-reset:${stale.userId}:${stale.expiresAt}`)).toBeUndefined();
});

test('when an email verification is requested, then one mail with a link to the verify page carrying the token arrives', async () => {
  const { service, maildev } = ctx;
  const request = { ...resetRequest(48 * 60), email: `verify-${uniqueSuffix()}@example.test` };
  await publish(service, userEmailVerificationRequested, request);
  await publish(service, userEmailVerificationRequested, request);

  const [mail] = await receivedBy(maildev, request.email);
  expect(mail!.subject).toBe('Confirm your email address for Ticketing');
  const href = /href="([^"]+verify-email[^"]+)"/.exec(mail!.html)?.[1]?.replaceAll('&amp;', '&');
  const link = new URL(href!);
  expect(`${link.origin}${link.pathname}`).toBe(`${PUBLIC_URL}/verify-email`);
  expect(link.searchParams.get('token')).toBe(request.token);
  expect(mail!.text).toContain('not list tickets for sale');
  const key = `email-verification:${request.userId}:${request.expiresAt}`;
  await waitFor(async () => (await mailRow(service, key))?.state === 'sent');
  expect(await maildev.to(request.email)).toHaveLength(1);
});
