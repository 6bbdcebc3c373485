import { z } from 'zod';

/**
 * A versioned event contract: the subject carries the version, the schema the data, and `key` names the
 * aggregate an event belongs to (a ticket id, an order id). Events of one key are published and applied
 * in order; events of different keys may go in parallel.
 */
export interface Contract<S extends string = string, T extends z.ZodType = z.ZodType> {
  readonly subject: S;
  readonly schema: T;
  readonly key: (data: z.infer<T>) => string;
}

export type EventData<C extends Contract> = z.infer<C['schema']>;

export function defineContract<S extends string, T extends z.ZodType>(
  subject: S,
  schema: T,
  key: (data: z.infer<T>) => string,
): Contract<S, T> {
  return { subject, schema, key };
}

export const envelopeSchema = z.object({
  id: z.uuid(),
  subject: z.string().min(1),
  occurredAt: z.iso.datetime({ offset: true }),
  correlationId: z.string().max(200).optional(),
  data: z.unknown(),
});

export type Envelope<D = unknown> = Omit<z.infer<typeof envelopeSchema>, 'data'> & { data: D };
