export * from './define-node';
export * from './registry';
