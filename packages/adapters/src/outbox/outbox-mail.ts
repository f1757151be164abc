import { createHash } from 'node:crypto';
import {
  domainOf,
  hasErrorCode,
  messageIdFor,
  ErrorCode,
  type Clock,
  type MailMessage,
  type MailPort,
  type MailResult,
  type DocumentStore,
  type StoredDocument,
} from '@swigs/automation-core';

/** One message kept by the outbox adapter, in `store.collection('outbox')`. */
export interface OutboxMessage extends StoredDocument {
  messageId: string;
  idempotencyKey: string;
  from: string;
  to: string[];
  cc: string[];
  bcc: string[];
  replyTo: string | null;
  subject: string;
  html: string;
  text: string;
  headers: Record<string, string>;
  category: 'transactional' | 'marketing';
  /** Attached files, their content in base64. */
  attachments?: { filename: string; contentType: string; size: number; content: string }[];
  createdAt: Date;
}

export interface OutboxMailOptions {
  store: DocumentStore;
  /** Stamps `createdAt`; default the wall clock. */
  clock?: Pick<Clock, 'now'>;
  /** Owner of messages that carry no `userId`. Default `system`. */
  defaultUserId?: string;
  /** Default `outbox`. */
  collection?: string;
}

/**
 * A `MailPort` that sends nothing and keeps every message in the store: for development and the server's
 * embedded default. A second message with the same idempotency key is not stored again (`duplicate: true`).
 */
export function createOutboxMail(options: OutboxMailOptions): MailPort {
  const collection = options.store.collection<OutboxMessage>(options.collection ?? 'outbox');
  const now = (): Date => options.clock?.now() ?? new Date();

  return {
    name: 'outbox',
    async send(message: MailMessage): Promise<MailResult> {
      const userId = message.userId ?? options.defaultUserId ?? 'system';
      const id = outboxIdFor(message.idempotencyKey);
      const messageId = message.messageId ?? messageIdFor(message.idempotencyKey, domainOf(message.from));
      const existing = await collection.get(userId, id);
      if (existing) return { messageId: existing.messageId, duplicate: true };
      const doc: OutboxMessage = {
        id,
        userId,
        messageId,
        idempotencyKey: message.idempotencyKey,
        from: message.from,
        to: list(message.to),
        cc: list(message.cc),
        bcc: list(message.bcc),
        replyTo: message.replyTo ?? null,
        subject: message.subject,
        html: message.html,
        text: message.text,
        headers: { ...message.headers },
        category: message.category ?? 'transactional',
        ...(message.attachments?.length
          ? {
              attachments: message.attachments.map((file) => ({
                filename: file.filename,
                contentType: file.contentType,
                size: file.content.byteLength,
                content: Buffer.from(file.content).toString('base64'),
              })),
            }
          : {}),
        createdAt: now(),
      };
      try {
        await collection.insert(doc);
      } catch (error) {
        if (hasErrorCode(error, ErrorCode.Conflict)) return { messageId, duplicate: true };
        throw error;
      }
      return { messageId };
    },
    async close() {},
  };
}

/** The outbox document id of an idempotency key. */
export function outboxIdFor(idempotencyKey: string): string {
  return `msg_${createHash('sha256').update(idempotencyKey).digest('hex').slice(0, 24)}`;
}

function list(value: string | string[] | undefined): string[] {
  if (value === undefined) return [];
  return Array.isArray(value) ? [...value] : [value];
}
