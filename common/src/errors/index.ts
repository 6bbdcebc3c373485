export * from './app-error';
export { defineError } from './define-error';
export { errorHandler, notFoundHandler } from './error-handler';
