import { randomUUID } from 'node:crypto';
import jwt from 'jsonwebtoken';
import { signAccessToken, verifyAccessToken } from '../src';
import { testKeys } from '../src/testing';

const user = {
  id: randomUUID(),
  email: 'ada@example.test',
  name: 'Ada',
  role: 'user' as const,
  sessionId: randomUUID(),
};

test('when a token carries the email-verified claim, then verifying it reads the claim back', () => {
  for (const emailVerified of [true, false]) {
    const token = signAccessToken({ ...user, emailVerified }, testKeys().privateKey, 60);
    expect(verifyAccessToken(token, testKeys().publicKey)).toEqual({
      ok: true,
      user: { ...user, emailVerified },
    });
  }
});

test('when a token was minted before the claim existed, then its user counts as verified (their account was backfilled)', () => {
  const legacy = jwt.sign(
    { email: user.email, name: user.name, role: user.role, sid: user.sessionId },
    testKeys().privateKey,
    { algorithm: 'ES256', subject: user.id, issuer: 'ticketing-auth', audience: 'ticketing', expiresIn: 60 },
  );
  expect(verifyAccessToken(legacy, testKeys().publicKey)).toEqual({
    ok: true,
    user: { ...user, emailVerified: true },
  });
});
