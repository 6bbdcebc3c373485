import { createLimiter, ServiceUnavailableError } from '@ticketing/common';
import type { Redis } from 'ioredis';
import { RateLimiterRes } from 'rate-limiter-flexible';

export interface LockoutPolicy {
  prefix: string;
  maxFailures: number;
  lockoutSeconds: number;
}

/** Whether an attempt may have its password checked, and how many attempts the window has counted. */
export interface Admission {
  admitted: boolean;
  attempts: number;
}

/**
 * Counts sign-in attempts per account (any email, known or not, so locking reveals nothing) in Redis.
 * An attempt is counted before its password is checked, in one atomic increment: however many guesses
 * arrive at once, only `maxFailures` of them are checked per window. A success clears the count; the
 * failure that spends the last attempt locks the account for `lockoutSeconds`.
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

  async admit(email: string): Promise<Admission> {
    try {
      const state = await this.limiter.consume(email);
      return { admitted: true, attempts: state.consumedPoints };
    } catch (err) {
      // Over the count: locked. An attempt while locked does not extend the lock (the key keeps its TTL).
      if (err instanceof RateLimiterRes) return { admitted: false, attempts: err.consumedPoints };
      throw new ServiceUnavailableError(); // Redis away: refuse rather than run without the lockout
    }
  }

  /** After an admitted attempt failed: the last allowed one restarts the clock for the full window. */
  async recordFailure(email: string, admission: Admission): Promise<void> {
    if (admission.attempts < this.policy.maxFailures) return;
    await available(this.limiter.block(email, this.policy.lockoutSeconds));
  }

  async reset(email: string): Promise<void> {
    await available(this.limiter.delete(email));
  }
}

async function available<T>(operation: Promise<T>): Promise<T> {
  try {
    return await operation;
  } catch {
    throw new ServiceUnavailableError();
  }
}
