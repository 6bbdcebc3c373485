export * from './auth';
export * from './bus';
export * from './database';
export * from './env';
export * from './service';
export * from './wait-for';
export * from './nats-server';
