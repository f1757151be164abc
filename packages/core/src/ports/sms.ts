import * as z from 'zod';

/** An E.164 phone number (`+41791234567`): what `send_sms` renders and every SMS adapter accepts. */
export const PhoneNumberSchema = z.string().regex(/^\+[1-9]\d{6,14}$/, 'must be an E.164 number such as +41791234567');

/** One outgoing SMS; `to` is E.164 (`PhoneNumberSchema`). */
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
