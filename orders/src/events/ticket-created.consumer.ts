import { batchConsumer, ticketCreated } from '@ticketing/common';
import { addTicketsToReplica } from '../domain/replicate-ticket';

export const onTicketCreated = batchConsumer(ticketCreated, 'orders', (tx, events) =>
  addTicketsToReplica(
    tx,
    events.map((event) => event.data),
  ),
);
