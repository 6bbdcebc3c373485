import { batchConsumer, ticketUpdated } from '@ticketing/common';
import { ticketReplicaRepository } from '../data/ticket-replica.repository';

export const onTicketUpdated = batchConsumer(ticketUpdated, 'notifications', (tx, events) =>
  ticketReplicaRepository.saveNewest(
    tx,
    events.map((event) => event.data),
  ),
);
