export * from './database';
export * from './migrate';
export * from './notified-worker';
export * from './periodic-job';
export {
  CommitSignals,
  notifyAfterCommit,
  signalAfterCommit,
  signalCommitted,
  type CommitListener,
} from './after-commit';
export * from './upsert-many';
export * from './keyset';
export * from './lock-versions';
export * from './by-id';
export * from './listing-columns';
export * from './schema-builders';
export * from './retry-schedule';
