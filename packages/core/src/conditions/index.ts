export * from './schema';
export * from './get-path';
export * from './evaluate-condition';
