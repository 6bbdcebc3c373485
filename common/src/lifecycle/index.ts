export * from './boot';
export * from './shutdown';
