/** @ticketing/common: the one public entry. Test helpers live in @ticketing/common/testing. */
export * from './auth';
export * from './bus';
export * from './config';
export * from './db';
export * from './errors';
export * from './events';
export * from './format/event-time';
export * from './http';
export * from './lifecycle';
export * from './metrics';
export * from './retry';
export * from './tracing';
export * from './logging/logger';
export * from './money';
export * from './openapi';
export * from './validation';
