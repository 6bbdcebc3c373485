export * from './coverage';
export * from './document';
export * from './operation';
export * from './operation-parts';
export * from './shared-schemas';
