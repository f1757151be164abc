export * from './swigs-error';
export * from './errors';
