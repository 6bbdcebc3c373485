import { consumer, userRegistered } from '@ticketing/common';
import { replicas } from '../data/replicas.repository';

export const onUserRegistered = consumer(userRegistered, 'notifications', (tx, user) =>
  replicas.saveUser(tx, user),
);
