import { createHash } from 'node:crypto';
import {
  ErrorCode,
  hasErrorCode,
  type Clock,
  type SmsMessage,
  type SmsPort,
  type DocumentStore,
  type StoredDocument,
} from '@swigs/automation-core';

/** One SMS kept by the outbox adapter, in `store.collection('smsoutbox')`. */
export interface OutboxSms extends StoredDocument {
  idempotencyKey: string;
  to: string;
  from: string | null;
  body: string;
  createdAt: Date;
}

export interface OutboxSmsOptions {
  store: DocumentStore;
  clock?: Pick<Clock, 'now'>;
  /** Owner of messages that carry no `userId`. Default `system`. */
  defaultUserId?: string;
  /** Default `smsoutbox`. */
  collection?: string;
}

/** An `SmsPort` that keeps every SMS in the store; the same idempotency key is stored once. */
export function createOutboxSms(options: OutboxSmsOptions): SmsPort {
  const collection = options.store.collection<OutboxSms>(options.collection ?? 'smsoutbox');
  return {
    name: 'outbox-sms',
    async send(message: SmsMessage) {
      const userId = message.userId ?? options.defaultUserId ?? 'system';
      const id = `sms_${createHash('sha256').update(message.idempotencyKey).digest('hex').slice(0, 24)}`;
      if (await collection.get(userId, id)) return { id, duplicate: true };
      try {
        await collection.insert({
          id,
          userId,
          idempotencyKey: message.idempotencyKey,
          to: message.to,
          from: message.from ?? null,
          body: message.body,
          createdAt: options.clock?.now() ?? new Date(),
        });
      } catch (error) {
        if (hasErrorCode(error, ErrorCode.Conflict)) return { id, duplicate: true };
        throw error;
      }
      return { id };
    },
    async close() {},
  };
}
