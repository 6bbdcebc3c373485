import { batchConsumer, ticketCreated } from '@ticketing/common';
import { applyTicketsCreated } from '../domain/replicate-ticket';

export const onTicketCreated = batchConsumer(ticketCreated, 'orders', (tx, events) =>
  applyTicketsCreated(
    tx,
    events.map((event) => event.data),
  ),
);
