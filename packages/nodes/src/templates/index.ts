export * from './format';
export * from './helpers';
export * from './renderer';
export * from './render-email';
export * from './validate-template';
export * from './layout';
export * from './default-templates';
export * from './template-error';
