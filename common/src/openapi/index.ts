export * from './coverage';
export * from './document';
export * from './operation';
export * from './shared-schemas';
