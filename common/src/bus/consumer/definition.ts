import type { Executor } from '../../db/database';
import type { Contract, Envelope, EventData } from '../../events/contract';

export type EventHandler<C extends Contract> = (
  tx: Executor,
  data: EventData<C>,
  envelope: Envelope<EventData<C>>,
) => Promise<void>;

export interface ConsumerDefinition<C extends Contract = Contract> {
  readonly contract: C;
  readonly service: string;
  readonly handle: EventHandler<C>;
}

/** Declares a consumer: the bus supplies idempotency, ordering retries, failure accounting and dead letters. */
export function consumer<C extends Contract>(
  contract: C,
  service: string,
  handle: EventHandler<C>,
): ConsumerDefinition<C> {
  return { contract, service, handle };
}

/**
 * Thrown by a handler that cannot apply the event yet (a predecessor is missing): retried later, for as long
 * as it takes; never counted as a failure, never dead-lettered (an overdue wait is reported instead).
 */
export class RetryLaterError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RetryLaterError';
  }
}

/** The durable name, shared by every instance of a service so each message reaches one of them. */
export const durableName = (definition: Pick<ConsumerDefinition, 'service' | 'contract'>): string =>
  `${definition.service}_${definition.contract.subject.replace(/\./g, '_')}`;
