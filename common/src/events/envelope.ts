import { randomUUID } from 'node:crypto';
import type { Contract, Envelope, EventData } from './contract';

export interface EnvelopeOptions {
  /** Defaults to a random UUID; pass a derived one where a retried publish must dedupe. */
  id?: string;
  correlationId?: string;
}

/** Validates the data against its contract (a producer cannot emit an invalid event) and wraps it. */
export function createEnvelope<C extends Contract>(
  contract: C,
  data: EventData<C>,
  options: EnvelopeOptions = {},
): Envelope<EventData<C>> {
  return {
    id: options.id ?? randomUUID(),
    subject: contract.subject,
    occurredAt: new Date().toISOString(),
    ...(options.correlationId ? { correlationId: options.correlationId } : {}),
    data: contract.schema.parse(data) as EventData<C>,
  };
}
