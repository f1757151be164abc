import { connect } from 'node:net';
import nodemailer from 'nodemailer';
import { z } from 'zod';
import {
  AdapterError,
  domainOf,
  messageIdFor,
  ConfigInvalidError,
  NonRetriableError,
  type MailMessage,
  type MailPort,
  type MailResult,
  type UniqueKeyRepository,
} from '@swigs/automation-core';
import { parseOptions } from '../shared/parse-options';

const DkimSchema = z.object({
  domainName: z.string().min(1),
  keySelector: z.string().min(1),
  privateKey: z.string().min(1),
});

/** Options of `createSmtpMail`; `url` (like `SMTP_URL`) and explicit fields may be combined, fields win. */
export const SmtpMailOptionsSchema = z
  .object({
    /** `smtp://user:pass@host:587` or `smtps://user:pass@host:465`. */
    url: z
      .string()
      .regex(/^smtps?:\/\//, 'must start with smtp:// or smtps://')
      .optional(),
    host: z.string().min(1).optional(),
    port: z.number().int().min(1).max(65535).optional(),
    secure: z.boolean().optional(),
    auth: z.object({ user: z.string().min(1), pass: z.string() }).optional(),
    /** Never upgrade with STARTTLS (local test servers). */
    ignoreTLS: z.boolean().optional(),
    requireTLS: z.boolean().optional(),
    /** TLS settings for smtps and STARTTLS, e.g. `{ rejectUnauthorized: false }` for a self-signed test server. */
    tls: z
      .object({
        rejectUnauthorized: z.boolean().optional(),
        servername: z.string().optional(),
        minVersion: z.enum(['TLSv1.2', 'TLSv1.3']).optional(),
      })
      .optional(),
    pool: z.boolean().default(true),
    maxConnections: z.number().int().positive().default(5),
    maxMessages: z.number().int().positive().default(100),
    /** Messages per `rateDelta` window across all pooled connections. */
    rateLimit: z.number().int().positive().optional(),
    rateDelta: z.number().int().positive().default(1000),
    dkim: DkimSchema.optional(),
    /** Used when a message has no `from`. */
    defaultFrom: z.string().optional(),
    /** Domain of derived Message-IDs; default the sender's domain. */
    messageIdDomain: z.string().min(1).optional(),
    /** Disable Nagle's algorithm on SMTP sockets (default true): avoids ~40 ms delayed-ACK stalls per message. */
    noDelay: z.boolean().default(true),
    connectionTimeoutMs: z.number().int().positive().default(30_000),
    socketTimeoutMs: z.number().int().positive().default(60_000),
  })
  .refine((o) => o.url !== undefined || o.host !== undefined, { message: 'either url or host is required' });

export type SmtpMailOptions = z.input<typeof SmtpMailOptionsSchema> & {
  /** When given, an idempotency key already sent is not sent again (`duplicate: true`). */
  dedupe?: UniqueKeyRepository;
};

/** An SMTP `MailPort` with the transporter's pool, for `close()` and stats. */
export interface SmtpMail extends MailPort {
  /** True while the pool can accept more messages without queueing. */
  isIdle(): boolean;
}

/**
 * Sends mail over SMTP with nodemailer: pooled, rate-limited, optionally DKIM-signed.
 * The Message-ID is derived from `idempotencyKey`. A 5xx reply fails at once (`NonRetriableError`);
 * a 4xx or a network error throws `AdapterError`, which the engine retries with backoff.
 * @example
 * const mail = createSmtpMail({ url: process.env.SMTP_URL, rateLimit: 10 });
 */
export function createSmtpMail(options: SmtpMailOptions): SmtpMail {
  const config = parseOptions(SmtpMailOptionsSchema, options, 'smtp mail');
  const fromUrl = config.url ? parseSmtpUrl(config.url) : {};
  const host = config.host ?? fromUrl.host ?? 'localhost';
  const secure = config.secure ?? fromUrl.secure ?? false;
  const port = config.port ?? fromUrl.port ?? (secure ? 465 : 587);
  const transporter = nodemailer.createTransport({
    ...fromUrl,
    ...(config.host !== undefined ? { host: config.host } : {}),
    ...(config.port !== undefined ? { port: config.port } : {}),
    ...(config.secure !== undefined ? { secure: config.secure } : {}),
    ...(config.auth !== undefined ? { auth: config.auth } : {}),
    ...(config.ignoreTLS !== undefined ? { ignoreTLS: config.ignoreTLS } : {}),
    ...(config.requireTLS !== undefined ? { requireTLS: config.requireTLS } : {}),
    ...(config.tls !== undefined ? { tls: config.tls } : {}),
    pool: config.pool,
    maxConnections: config.maxConnections,
    maxMessages: config.maxMessages,
    ...(config.rateLimit !== undefined ? { rateLimit: config.rateLimit, rateDelta: config.rateDelta } : {}),
    ...(config.dkim !== undefined ? { dkim: { ...config.dkim, headerFieldNames: DKIM_HEADER_FIELDS } } : {}),
    connectionTimeout: config.connectionTimeoutMs,
    // nodemailer leaves Nagle on; a plain socket with TCP_NODELAY is handed over and upgraded to TLS by nodemailer when secure.
    ...(config.noDelay
      ? {
          getSocket: (
            _options: unknown,
            callback: (error: Error | null, socket?: { connection: import('node:net').Socket }) => void,
          ) => {
            const socket = connect({ host, port });
            socket.setNoDelay(true);
            callback(null, { connection: socket });
          },
        }
      : {}),
    socketTimeout: config.socketTimeoutMs,
  } as Parameters<typeof nodemailer.createTransport>[0]);
  const dedupe = options.dedupe;
  let closed = false;

  return {
    name: 'smtp',
    isIdle: () => ('isIdle' in transporter ? (transporter as { isIdle(): boolean }).isIdle() : true),
    async send(message: MailMessage): Promise<MailResult> {
      if (closed) throw new AdapterError('smtp', 'smtp mail: send after close');
      const from = message.from || config.defaultFrom;
      if (!from) throw new NonRetriableError('smtp mail: message has no from address and no defaultFrom is set');
      const messageId =
        message.messageId ?? messageIdFor(message.idempotencyKey, config.messageIdDomain ?? domainOf(from));
      const dedupeKey = `mail:sent:${message.idempotencyKey}`;
      if (dedupe && (await dedupe.has(dedupeKey))) return { messageId, duplicate: true };
      try {
        await transporter.sendMail({
          from,
          to: message.to,
          ...(message.cc !== undefined ? { cc: message.cc } : {}),
          ...(message.bcc !== undefined ? { bcc: message.bcc } : {}),
          ...(message.replyTo !== undefined ? { replyTo: message.replyTo } : {}),
          subject: message.subject,
          html: message.html,
          text: message.text,
          messageId,
          headers: message.headers ?? {},
          ...(message.attachments?.length
            ? {
                attachments: message.attachments.map((file) => ({
                  filename: file.filename,
                  contentType: file.contentType,
                  content: Buffer.from(file.content),
                })),
              }
            : {}),
        });
      } catch (error) {
        throw toMailError(error);
      }
      if (dedupe) await dedupe.add(dedupeKey);
      return { messageId };
    },
    async close() {
      if (closed) return;
      closed = true;
      transporter.close();
    },
  };
}

// nodemailer's default list plus List-Unsubscribe-Post, which RFC 8058 requires the signature to cover.
const DKIM_HEADER_FIELDS =
  'From:Sender:Reply-To:Subject:Date:Message-ID:To:Cc:MIME-Version:Content-Type:Content-Transfer-Encoding:' +
  'Content-ID:Content-Description:Resent-Date:Resent-From:Resent-Sender:Resent-To:Resent-Cc:Resent-Message-ID:' +
  'In-Reply-To:References:List-Id:List-Help:List-Unsubscribe:List-Unsubscribe-Post:List-Subscribe:List-Post:' +
  'List-Owner:List-Archive';

interface UrlTransport {
  host?: string;
  port?: number;
  secure?: boolean;
  auth?: { user: string; pass: string };
}

function parseSmtpUrl(url: string): UrlTransport {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new ConfigInvalidError('smtp mail: url is not a valid URL', [
      { code: 'config_invalid', message: 'url is not a valid URL', path: ['url'] },
    ]);
  }
  const secure = parsed.protocol === 'smtps:';
  return {
    host: parsed.hostname,
    port: parsed.port ? Number(parsed.port) : secure ? 465 : 587,
    secure,
    ...(parsed.username
      ? { auth: { user: decodeURIComponent(parsed.username), pass: decodeURIComponent(parsed.password) } }
      : {}),
  };
}

function toMailError(error: unknown): Error {
  const info = error as { responseCode?: number; response?: string; code?: string; message?: string };
  const reply = info.response ? info.response.split('\n')[0] : (info.message ?? String(error));
  if (typeof info.responseCode === 'number' && info.responseCode >= 500) {
    return new NonRetriableError(`SMTP rejected the message permanently (${info.responseCode}): ${reply}`, {
      cause: error,
      details: { adapter: 'smtp', responseCode: info.responseCode, reply },
    });
  }
  const what = typeof info.responseCode === 'number' ? `SMTP ${info.responseCode}` : `SMTP ${info.code ?? 'error'}`;
  return new AdapterError('smtp', `${what}: ${reply}`, {
    cause: error,
    details: { ...(info.responseCode !== undefined ? { responseCode: info.responseCode } : {}), reply },
  });
}
