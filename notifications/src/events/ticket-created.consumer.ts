import { batchConsumer, ticketCreated } from '@ticketing/common';
import { ticketReplicaRepository } from '../data/ticket-replica.repository';

export const onTicketCreated = batchConsumer(ticketCreated, 'notifications', (tx, events) =>
  ticketReplicaRepository.saveNewest(
    tx,
    events.map((event) => event.data),
  ),
);
