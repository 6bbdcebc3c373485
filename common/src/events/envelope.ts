import { randomUUID } from 'node:crypto';
import { currentCorrelationId } from '../logging/correlation';
import type { Contract, Envelope, EventData } from './contract';

export interface EnvelopeOptions {
  /** Defaults to a random UUID; pass a derived one where a retried publish must dedupe. */
  id?: string;
  /** Defaults to the correlation id of the work in progress (the HTTP request, the event being handled). */
  correlationId?: string;
}

/** Validates the data against its contract (a producer cannot emit an invalid event) and wraps it. */
export function createEnvelope<C extends Contract>(
  contract: C,
  data: EventData<C>,
  options: EnvelopeOptions = {},
): Envelope<EventData<C>> {
  const correlationId = options.correlationId ?? currentCorrelationId();
  return {
    id: options.id ?? randomUUID(),
    subject: contract.subject,
    occurredAt: new Date().toISOString(),
    ...(correlationId ? { correlationId } : {}),
    data: contract.schema.parse(data) as EventData<C>,
  };
}
