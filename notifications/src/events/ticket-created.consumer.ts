import { batchConsumer, ticketCreated } from '@ticketing/common';
import { replicas } from '../data/replicas.repository';

export const onTicketCreated = batchConsumer(ticketCreated, 'notifications', (tx, events) =>
  replicas.saveTickets(
    tx,
    events.map((event) => event.data),
  ),
);
