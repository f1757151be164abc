export * from './model/automation';
export * from './model/run';
export * from './model/email-template';
export * from './errors/index';
export * from './ports/index';
export * from './node/types';
export * from './engine/types';
