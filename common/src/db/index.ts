export * from './database';
export * from './migrate';
export * from './notified-worker';
