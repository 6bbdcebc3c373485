export * from './chargeable';
