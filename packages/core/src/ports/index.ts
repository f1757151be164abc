export * from './clock';
export * from './logger';
export * from './mail';
export * from './records';
export * from './sms';
export * from './store';
