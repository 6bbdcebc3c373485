import { z } from 'zod';
import { defineContract } from './contract';
import { id } from './shared';

export const expirationComplete = defineContract(
  'expiration.complete.v1',
  z.object({ orderId: id }),
  (e) => e.orderId,
);
export type ExpirationComplete = z.infer<typeof expirationComplete.schema>;
