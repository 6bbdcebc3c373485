export * from './create-app';
export * from './csrf';
export * from './current-user';
export * from './health';
export * from './metrics';
export * from './rate-limit';
export * from './server';
export * from './validate';
