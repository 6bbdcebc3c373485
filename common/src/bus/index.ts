export * from './bus';
export * from './nats-url';
export * from './consumer';
export * from './outbox';
export * from './relay';
export { consumerFailures, deadLetters, outboxTable, processedEvents } from './schema';
export * from './ordering';
export * from './dead-letters';
export * from './purge';
