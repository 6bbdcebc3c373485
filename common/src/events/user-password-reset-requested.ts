import { z } from 'zod';
import { defineContract } from './contract';
import { id, isoDate } from './shared';

/**
 * Someone asked to reset a user's password. The token itself rides on the bus (the only secret that does),
 * because notifications mails the link; auth stores only its hash, it works once and expires at `expiresAt`.
 */
export const userPasswordResetRequested = defineContract(
  'user.password-reset-requested.v1',
  z.object({ userId: id, email: z.email().max(254), token: z.string().min(32).max(128), expiresAt: isoDate }),
  (request) => request.userId,
);
export type UserPasswordResetRequested = z.infer<typeof userPasswordResetRequested.schema>;
