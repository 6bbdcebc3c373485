export * from './chargeable';
export * from './cancellation';
