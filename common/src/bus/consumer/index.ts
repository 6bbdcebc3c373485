export * from './definition';
export { DEFAULT_CONSUMER_OPTIONS, type ConsumerOptions } from './consumer-options';
export { EventConsumer } from './event-consumer';
