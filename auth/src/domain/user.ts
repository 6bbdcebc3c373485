import type { UserRole } from '@ticketing/common';

/** What anyone may see of a user: never the password hash. */
export interface PublicUser {
  id: string;
  email: string;
  name: string;
  role: UserRole;
}

export const toPublicUser = ({ id, email, name, role }: PublicUser): PublicUser => ({
  id,
  email,
  name,
  role,
});
