import type { ProcessorOptions } from './message-processor';

/** What a service may tune of its consumers. */
export type ConsumerOptions = Omit<ProcessorOptions, 'ackWaitMs'> & {
  /** Lanes working in parallel (each its own transaction); one key's messages always share a lane. */
  concurrency: number;
};

export const DEFAULT_CONSUMER_OPTIONS: ConsumerOptions = {
  maxHandlerFailures: 5,
  predecessorAlertMs: 60_000,
  concurrency: 4,
};
