export * from './database';
export * from './migrate';
export * from './notified-worker';
export * from './periodic-job';
