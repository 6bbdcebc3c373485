import { z } from 'zod';

/** A versioned event contract: the subject carries the version, the schema the data. */
export interface Contract<S extends string = string, T extends z.ZodType = z.ZodType> {
  readonly subject: S;
  readonly schema: T;
}

export type EventData<C extends Contract> = z.infer<C['schema']>;

export function defineContract<S extends string, T extends z.ZodType>(subject: S, schema: T): Contract<S, T> {
  return { subject, schema };
}

export const envelopeSchema = z.object({
  id: z.uuid(),
  subject: z.string().min(1),
  occurredAt: z.iso.datetime({ offset: true }),
  correlationId: z.string().max(200).optional(),
  data: z.unknown(),
});

export type Envelope<D = unknown> = Omit<z.infer<typeof envelopeSchema>, 'data'> & { data: D };
