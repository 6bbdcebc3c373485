import { batchConsumer, ticketUpdated } from '@ticketing/common';
import { applyTicketsUpdated } from '../domain/replicate-ticket';

export const onTicketUpdated = batchConsumer(ticketUpdated, 'orders', (tx, events) =>
  applyTicketsUpdated(
    tx,
    events.map((event) => event.data),
  ),
);
