import type { UserRole } from '@ticketing/common';
import type { UserRow } from '../data/schema';

/** What anyone may see of a user: never the password hash. */
export interface PublicUser {
  id: string;
  email: string;
  name: string;
  role: UserRole;
  emailVerified: boolean;
}

export const toPublicUser = ({ id, email, name, role, emailVerifiedAt }: UserRow): PublicUser => ({
  id,
  email,
  name,
  role,
  emailVerified: emailVerifiedAt !== null,
});
