export * from './chargeable';
export * from './cancellation';
export * from './fees';
