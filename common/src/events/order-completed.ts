import { z } from 'zod';
import { defineContract } from './contract';
import { id, quantity, version } from './shared';

export const orderCompleted = defineContract(
  'order.completed.v1',
  z.object({ id, version, userId: id, ticket: z.object({ id }), quantity: quantity.optional() }),
  (order) => order.id,
);
export type OrderCompleted = z.infer<typeof orderCompleted.schema>;
