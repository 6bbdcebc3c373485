export * from './app-error';
export { errorHandler, notFoundHandler } from './error-handler';
