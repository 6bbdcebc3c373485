import { randomUUID } from 'node:crypto';
import { createLogger, SessionRevocations } from '../src';
import { testServers, waitFor } from '../src/testing';

const logger = createLogger('test', 'silent');

test('when one instance revokes a session, then another learns it at once, and a late starter loads it', async () => {
  const auth = await SessionRevocations.connect(testServers.redisUrl, logger);
  const tickets = await SessionRevocations.connect(testServers.redisUrl, logger);
  try {
    const sessionId = randomUUID();
    expect(tickets.isRevoked(sessionId)).toBe(false);
    await auth.revoke(sessionId, Date.now() + 60_000);
    await waitFor(() => tickets.isRevoked(sessionId), { timeoutMs: 2_000 });
    const late = await SessionRevocations.connect(testServers.redisUrl, logger);
    expect(late.isRevoked(sessionId)).toBe(true);
    await late.close();
  } finally {
    await auth.close();
    await tickets.close();
  }
});

test('when a revocation has outlived every token of its session, then it is forgotten', async () => {
  const revocations = await SessionRevocations.connect(testServers.redisUrl, logger);
  try {
    const sessionId = randomUUID();
    await revocations.revoke(sessionId, Date.now() - 1);
    expect(revocations.isRevoked(sessionId)).toBe(false);
  } finally {
    await revocations.close();
  }
});
