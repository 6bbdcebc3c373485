import { consumer, ticketUpdated } from '@ticketing/common';
import { replicas } from '../data/replicas.repository';

export const onTicketUpdated = consumer(ticketUpdated, 'notifications', (tx, ticket) =>
  replicas.saveTicket(tx, ticket),
);
