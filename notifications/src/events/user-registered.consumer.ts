import { batchConsumer, userRegistered } from '@ticketing/common';
import { userReplicaRepository } from '../data/user-replica.repository';

export const onUserRegistered = batchConsumer(userRegistered, 'notifications', (tx, events) =>
  userReplicaRepository.save(
    tx,
    events.map((event) => event.data),
  ),
);
