import type { Db } from '@ticketing/common';
import { usersRepository } from '../data/users.repository';

export type MakeAdminResult = 'promoted' | 'already-admin' | 'unknown-email';

/** Admins are made by an operator, never by sign-up. */
export async function makeAdmin(db: Db, email: string): Promise<MakeAdminResult> {
  const user = await usersRepository.findByEmail(db, email);
  if (!user) return 'unknown-email';
  if (user.role === 'admin') return 'already-admin';
  await usersRepository.setRole(db, user.id, 'admin');
  return 'promoted';
}
