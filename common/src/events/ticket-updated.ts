import { z } from 'zod';
import { defineContract } from './contract';
import { id } from './shared';
import { ticketFields } from './ticket-created';

/**
 * `orderId`: the order whose reservation, release or sale made this version (null for the seller's own
 * changes). With one ticket per listing that is the order holding it; orders reads a reservation's
 * confirmation from it.
 */
export const ticketUpdated = defineContract(
  'ticket.updated.v1',
  z.object({ ...ticketFields, orderId: id.nullable() }),
  (ticket) => ticket.id,
);
export type TicketUpdated = z.infer<typeof ticketUpdated.schema>;
