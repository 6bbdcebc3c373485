export { deadLettersMain, runDeadLettersCommand } from './command';
export * from './store';
