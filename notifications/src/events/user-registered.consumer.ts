import { batchConsumer, userRegistered } from '@ticketing/common';
import { replicas } from '../data/replicas.repository';

export const onUserRegistered = batchConsumer(userRegistered, 'notifications', (tx, events) =>
  replicas.saveUsers(
    tx,
    events.map((event) => event.data),
  ),
);
