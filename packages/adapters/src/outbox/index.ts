export * from './outbox-mail';
