import { paginationQuery } from '@ticketing/common';
import { z } from 'zod';

export const createOrderBody = z.object({ ticketId: z.uuid() });
export type CreateOrderBody = z.infer<typeof createOrderBody>;

export const orderParams = z.object({ id: z.uuid() });
export type OrderParams = z.infer<typeof orderParams>;

export const listOrdersQuery = z.object({
  ...paginationQuery,
  all: z
    .enum(['true', 'false'])
    .default('false')
    .transform((value) => value === 'true'),
  ticketId: z.uuid().optional(),
});
export type ListOrdersQuery = z.infer<typeof listOrdersQuery>;
