import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * The id that ties together everything one user action caused: the HTTP request id where it started, then
 * the correlationId of every event it led to, in every service. Log lines carry it (see createLogger), and
 * createEnvelope copies it into the events emitted while it is set.
 */
const storage = new AsyncLocalStorage<string>();

/** Runs `work` (and everything it starts) with this correlation id. */
export function withCorrelationId<T>(correlationId: string | undefined, work: () => T): T {
  return correlationId ? storage.run(correlationId, work) : work();
}

export const currentCorrelationId = (): string | undefined => storage.getStore();
