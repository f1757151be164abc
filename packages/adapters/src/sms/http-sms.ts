import { request } from 'undici';
import { z } from 'zod';
import {
  AdapterError,
  NonRetriableError,
  RetryAfterError,
  type SmsMessage,
  type SmsPort,
} from '@swigs/automation-core';
import { parseRetryAfter } from './retry-after';
import { parseOptions } from '../shared/parse-options';

export const HttpSmsOptionsSchema = z.object({
  /** The gateway endpoint receiving `POST { to, body, from, reference }`. */
  url: z.url({ protocol: /^https?$/ }),
  /** Sent as `Authorization: Bearer <token>`; never logged. */
  token: z.string().min(1),
  /** Default sender id or number. */
  from: z.string().min(1).max(20).optional(),
  timeoutMs: z.number().int().positive().default(10_000),
  /** Extra request headers (e.g. an account id). */
  headers: z.record(z.string(), z.string()).default({}),
});

export type HttpSmsOptions = z.input<typeof HttpSmsOptionsSchema>;

/** E.164: `+41791234567`. */
export const PhoneNumberSchema = z.string().regex(/^\+[1-9]\d{6,14}$/, 'must be an E.164 number such as +41791234567');

/**
 * An `SmsPort` for any HTTP gateway: `POST url` with a JSON `{ to, body, from, reference }`, `Authorization: Bearer`
 * and `Idempotency-Key` headers; reads `id` (or `messageId`) from the JSON reply. 429/5xx are retriable (honouring
 * Retry-After), other 4xx are not.
 */
export function createHttpSms(options: HttpSmsOptions): SmsPort {
  const config = parseOptions(HttpSmsOptionsSchema, options, 'http sms');
  return {
    name: 'http-sms',
    async send(message: SmsMessage) {
      const to = PhoneNumberSchema.safeParse(message.to);
      if (!to.success) throw new NonRetriableError(`sms: recipient ${JSON.stringify(message.to)} ${to.error.issues[0]?.message}`);
      if (message.body.trim() === '') throw new NonRetriableError('sms: body is empty');
      let response;
      try {
        response = await request(config.url, {
          method: 'POST',
          headers: {
            ...config.headers,
            'content-type': 'application/json',
            authorization: `Bearer ${config.token}`,
            'idempotency-key': message.idempotencyKey,
          },
          body: JSON.stringify({
            to: to.data,
            body: message.body,
            from: message.from ?? config.from,
            reference: message.idempotencyKey,
          }),
          headersTimeout: config.timeoutMs,
          bodyTimeout: config.timeoutMs,
          signal: AbortSignal.timeout(config.timeoutMs),
        });
      } catch (error) {
        throw new AdapterError('http-sms', `sms gateway unreachable: ${(error as Error).message}`, { cause: error });
      }
      const text = await response.body.text();
      const status = response.statusCode;
      if (status === 429 || status >= 500) {
        const retryAfterMs = parseRetryAfter(response.headers['retry-after'], Date.now());
        const reason = `sms gateway answered ${status}`;
        if (retryAfterMs !== null) throw new RetryAfterError(reason, retryAfterMs, { details: { status } });
        throw new AdapterError('http-sms', reason, { details: { status } });
      }
      if (status >= 400) throw new NonRetriableError(`sms gateway refused the message (${status}): ${text.slice(0, 200)}`);
      let id = message.idempotencyKey;
      try {
        const json = JSON.parse(text) as { id?: unknown; messageId?: unknown };
        const found = json.id ?? json.messageId;
        if (typeof found === 'string' || typeof found === 'number') id = String(found);
      } catch {
        // A gateway answering 2xx without JSON still accepted the message.
      }
      return { id };
    },
    async close() {},
  };
}
