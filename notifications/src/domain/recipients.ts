import { RetryLaterError, type Executor } from '@ticketing/common';
import { ticketReplicaRepository } from '../data/ticket-replica.repository';
import { userReplicaRepository } from '../data/user-replica.repository';

/**
 * The user and listing a mail is about. Either may not have arrived yet (another subject, another pace):
 * the event then waits for them like an update waits for its predecessor, and is never dropped.
 */
export async function userOrWait(tx: Executor, id: string) {
  const user = await userReplicaRepository.find(tx, id);
  if (!user) throw new RetryLaterError(`user ${id} not replicated yet`);
  return user;
}

export async function ticketOrWait(tx: Executor, id: string) {
  const ticket = await ticketReplicaRepository.find(tx, id);
  if (!ticket) throw new RetryLaterError(`ticket ${id} not replicated yet`);
  return ticket;
}
