import { batchConsumer, ticketUpdated } from '@ticketing/common';
import { replicas } from '../data/replicas.repository';

export const onTicketUpdated = batchConsumer(ticketUpdated, 'notifications', (tx, events) =>
  replicas.saveTickets(
    tx,
    events.map((event) => event.data),
  ),
);
