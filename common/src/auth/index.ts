export * from './access-token';
export * from './revocations';
