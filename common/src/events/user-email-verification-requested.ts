import { z } from 'zod';
import { defineContract } from './contract';
import { id, isoDate } from './shared';

/**
 * A user signed up (or asked again) and must confirm their address. Like a password reset, the token rides
 * on the bus because notifications mails the link; auth stores only its hash, it works once until `expiresAt`.
 */
export const userEmailVerificationRequested = defineContract(
  'user.email-verification-requested.v1',
  z.object({
    userId: id,
    email: z.email().max(254),
    token: z.string().min(32).max(128),
    expiresAt: isoDate,
  }),
  (request) => request.userId,
);
export type UserEmailVerificationRequested = z.infer<typeof userEmailVerificationRequested.schema>;
