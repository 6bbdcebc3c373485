import { userRole } from '@ticketing/common';
import { z } from 'zod';

/** What anyone may see of a user (domain/user.ts toPublicUser builds it; the router's types hold them together). */
export const publicUser = z
  .object({
    id: z.uuid(),
    email: z.email(),
    name: z.string(),
    role: userRole,
    /** False until the user follows the link mailed at sign-up; listing tickets asks for true. */
    emailVerified: z.boolean(),
  })
  .meta({ id: 'User' });

export const currentUserBody = z.object({ currentUser: publicUser.nullable() });
