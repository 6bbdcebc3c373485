import { z } from 'zod';
import { defineContract } from './contract';
import { id } from './shared';

/**
 * Auth registered a user. The email is on the bus because notifications needs an address to write to;
 * nothing else about the user (no role, no password material) leaves auth.
 */
export const userRegistered = defineContract(
  'user.registered.v1',
  z.object({ id, email: z.email().max(254), name: z.string().max(100) }),
  (user) => user.id,
);
export type UserRegistered = z.infer<typeof userRegistered.schema>;
