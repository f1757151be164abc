export interface SmsMessage {
  to: string;
  body: string;
  from?: string;
  idempotencyKey: string;
  userId?: string;
}

/** Sends SMS. Adapters: a generic HTTP gateway, an outbox. */
export interface SmsPort {
  readonly name: string;
  send(message: SmsMessage): Promise<{ id: string; duplicate?: boolean }>;
  close(): Promise<void>;
}
