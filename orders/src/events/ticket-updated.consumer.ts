import { consumer, ticketUpdated } from '@ticketing/common';
import { updateTicketReplica } from '../domain/replicate-ticket';

export const onTicketUpdated = consumer(ticketUpdated, 'orders', (tx, data) => updateTicketReplica(tx, data));
