import { consumer, ticketCreated } from '@ticketing/common';
import { replicas } from '../data/replicas.repository';

export const onTicketCreated = consumer(ticketCreated, 'notifications', (tx, ticket) =>
  replicas.saveTicket(tx, ticket),
);
