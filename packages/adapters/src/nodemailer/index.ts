export * from './smtp-mail';
export * from './message-id';
