export * from './http-sms';
export * from './outbox-sms';
export * from './retry-after';
