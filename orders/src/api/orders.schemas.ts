import { z } from 'zod';
import { decodeCursor } from '../data/cursor';

export const createOrderBody = z.object({ ticketId: z.uuid() });
export type CreateOrderBody = z.infer<typeof createOrderBody>;

export const orderParams = z.object({ id: z.uuid() });
export type OrderParams = z.infer<typeof orderParams>;

export const listOrdersQuery = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: z
    .string()
    .max(200)
    .transform((text, ctx) => {
      const cursor = decodeCursor(text);
      if (!cursor) ctx.addIssue({ code: 'custom', message: 'Invalid cursor' });
      return cursor ?? z.NEVER;
    })
    .optional(),
  all: z
    .enum(['true', 'false'])
    .default('false')
    .transform((value) => value === 'true'),
});
export type ListOrdersQuery = z.infer<typeof listOrdersQuery>;
