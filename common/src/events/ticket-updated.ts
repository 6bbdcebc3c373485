import { z } from 'zod';
import { defineContract } from './contract';
import { id } from './shared';
import { ticketFields } from './ticket-created';

export const ticketUpdated = defineContract(
  'ticket.updated.v1',
  z.object({ ...ticketFields, orderId: id.nullable() }),
  (ticket) => ticket.id,
);
export type TicketUpdated = z.infer<typeof ticketUpdated.schema>;
