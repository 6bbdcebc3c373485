import { createLimiter, ServiceUnavailableError } from '@ticketing/common';
import type { Redis } from 'ioredis';

export interface LockoutPolicy {
  prefix: string;
  maxFailures: number;
  lockoutSeconds: number;
}

/**
 * Counts failed sign-ins per account (any email, known or not, so locking reveals nothing) in Redis;
 * the Nth failure within the window locks the account for `lockoutSeconds`, whatever password follows.
 */
export class AccountLockout {
  private readonly limiter;

  constructor(
    redis: Redis,
    private readonly policy: LockoutPolicy,
  ) {
    this.limiter = createLimiter({
      redis,
      name: `${policy.prefix}:signin-failures`,
      points: policy.maxFailures,
      durationSeconds: policy.lockoutSeconds,
    });
  }

  async isLocked(email: string): Promise<boolean> {
    const state = await available(this.limiter.get(email));
    return state !== null && state.consumedPoints >= this.policy.maxFailures;
  }

  async recordFailure(email: string): Promise<void> {
    const state = await available(this.limiter.penalty(email, 1));
    // block() restarts the clock: the lock lasts the full window from the last counted failure.
    if (state.consumedPoints >= this.policy.maxFailures) {
      await available(this.limiter.block(email, this.policy.lockoutSeconds));
    }
  }

  async reset(email: string): Promise<void> {
    await available(this.limiter.delete(email));
  }
}

/** Redis away: refuse to sign anyone in rather than run without the lockout. */
async function available<T>(operation: Promise<T>): Promise<T> {
  try {
    return await operation;
  } catch {
    throw new ServiceUnavailableError();
  }
}
