export * from './boot';
export * from './shutdown';
export * from './fatal-errors';
export * from './redis';
