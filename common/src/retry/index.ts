export * from './backoff';
export * from './transient';
