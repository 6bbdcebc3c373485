import { consumer, ticketCreated } from '@ticketing/common';
import { addTicketToReplica } from '../domain/replicate-ticket';

export const onTicketCreated = consumer(ticketCreated, 'orders', (tx, data) => addTicketToReplica(tx, data));
