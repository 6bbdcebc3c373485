import type { Executor } from '../../db/database';
import type { Contract, Envelope, EventData } from '../../events/contract';

export type EventHandler<C extends Contract> = (
  tx: Executor,
  data: EventData<C>,
  envelope: Envelope<EventData<C>>,
) => Promise<void>;

/**
 * Applies several events of one lane in one go (a replica upsert: one statement for all of them). It gets
 * them in delivery order, each not yet processed by this consumer, and must leave the same state as
 * applying them one after another would; a RetryLaterError (a version gap) makes the bus retry the batch
 * one event at a time, where each event is judged alone.
 */
export type BatchHandler<C extends Contract> = (
  tx: Executor,
  envelopes: Array<Envelope<EventData<C>>>,
) => Promise<void>;

export interface ConsumerDefinition<C extends Contract = Contract> {
  readonly contract: C;
  readonly service: string;
  readonly handle: EventHandler<C>;
  /** Present for a batch consumer: then `handle` is this with one event. */
  readonly handleBatch?: BatchHandler<C>;
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
 * Declares a consumer whose work is a replica upsert: the bus hands it a lane's batch of events (up to 64,
 * one subject) in one transaction, with their processed_events rows written in one statement. Failure
 * semantics are the per-message consumer's: a failing batch is retried one event at a time.
 */
export function batchConsumer<C extends Contract>(
  contract: C,
  service: string,
  handleBatch: BatchHandler<C>,
): ConsumerDefinition<C> {
  return { contract, service, handle: (tx, _data, envelope) => handleBatch(tx, [envelope]), handleBatch };
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
