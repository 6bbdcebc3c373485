import { MAX_LISTING_QUANTITY, paginationQuery } from '@ticketing/common';
import { z } from 'zod';

export const createOrderBody = z.object({
  ticketId: z.uuid(),
  quantity: z
    .number()
    .int('must be a whole number of tickets')
    .min(1, 'must be at least 1')
    .max(MAX_LISTING_QUANTITY, `must be at most ${MAX_LISTING_QUANTITY}`)
    .default(1),
});
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
