import { batchConsumer, ticketUpdated } from '@ticketing/common';
import { updateTicketsInReplica } from '../domain/replicate-ticket';

export const onTicketUpdated = batchConsumer(ticketUpdated, 'orders', (tx, events) =>
  updateTicketsInReplica(
    tx,
    events.map((event) => event.data),
  ),
);
