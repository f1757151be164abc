/** A file attached to an email. */
export interface MailAttachment {
  filename: string;
  /** MIME type, e.g. `application/pdf`. */
  contentType: string;
  content: Uint8Array;
}

/** Largest total size of one message's attachments (10 MiB): most receiving servers refuse more. */
export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;

/**
 * Documents a host can attach to `send_email` by kind and id (`invoice_pdf` + an invoice id: that invoice's current
 * PDF). The host decides what a kind means; a document another tenant owns is null, like a missing one.
 */
export interface AttachmentPort {
  /** Kinds this host can load, e.g. `['invoice_pdf']`. */
  readonly kinds: readonly string[];
  load(request: { userId: string; kind: string; id: string; signal?: AbortSignal }): Promise<MailAttachment | null>;
}
