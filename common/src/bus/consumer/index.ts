export * from './definition';
export { DEFAULT_CONSUMER_OPTIONS, EventConsumer, type ConsumerOptions } from './event-consumer';
