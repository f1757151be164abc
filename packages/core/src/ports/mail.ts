import type { MailAttachment } from './attachments';

/** One outgoing email. `idempotencyKey` lets adapters derive a stable Message-ID and drop duplicates. */
export interface MailMessage {
  from: string;
  to: string | string[];
  cc?: string | string[];
  bcc?: string | string[];
  replyTo?: string;
  subject: string;
  html: string;
  text: string;
  headers?: Record<string, string>;
  idempotencyKey: string;
  /** Message-ID to use, angle brackets included; adapters derive one from `idempotencyKey` when absent. */
  messageId?: string;
  /** Tenant the message belongs to (outbox listing, logs). */
  userId?: string;
  category?: 'transactional' | 'marketing';
  /** Files attached (at most `MAX_ATTACHMENT_BYTES` in all; `send_email` checks it). */
  attachments?: MailAttachment[];
}

export interface MailResult {
  messageId: string;
  /** True when the adapter recognised the idempotency key and did not send again. */
  duplicate?: boolean;
}

/** Sends email. Adapters: nodemailer SMTP, outbox (kept in the store). */
export interface MailPort {
  readonly name: string;
  send(message: MailMessage): Promise<MailResult>;
  close(): Promise<void>;
}
