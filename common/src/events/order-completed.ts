import { z } from 'zod';
import { defineContract } from './contract';
import { id, version } from './shared';

export const orderCompleted = defineContract(
  'order.completed.v1',
  z.object({ id, version, userId: id, ticket: z.object({ id }) }),
  (order) => order.id,
);
export type OrderCompleted = z.infer<typeof orderCompleted.schema>;
