export * from './http-sms';
export * from './outbox-sms';
