export * from './boot-service';
export * from './command';
export { busOptionsFrom } from './connect-needs';
export * from './fatal-errors';
export * from './redis';
export * from './service-definition';
export * from './shutdown';
export * from './start-service';
