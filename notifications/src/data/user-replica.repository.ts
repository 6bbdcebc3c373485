import { findById, upsertMany, type Executor, type UserRegistered } from '@ticketing/common';
import { userReplica } from './schema';

/** The replica of users: written by user.registered, read when a mail is addressed. */
export const userReplicaRepository = {
  /** The last registration of a user wins (a user registers once; a replay repeats the same data). */
  async save(tx: Executor, users: UserRegistered[]): Promise<void> {
    const last = new Map(users.map((user) => [user.id, { id: user.id, email: user.email, name: user.name }]));
    await upsertMany(tx, userReplica, [...last.values()], { target: userReplica.id, onConflict: 'update' });
  },

  find: (tx: Executor, id: string) => findById(tx, userReplica, id),
};
