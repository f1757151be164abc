import { z } from 'zod';
import {
  AdapterError,
  type HttpPort,
  type HttpResponse,
  NonRetriableError,
  parseRetryAfter,
  PhoneNumberSchema,
  RetryAfterError,
  type SmsMessage,
  type SmsPort,
} from '@swigs/automation-core';
import { createHttpClient } from '../http/http-client';
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
  /** The HTTP port to call through. Default: an own client that allows the gateway's host (it is configured, not user input). */
  http: z.custom<HttpPort>((value) => typeof (value as HttpPort | undefined)?.request === 'function').optional(),
});

export type HttpSmsOptions = z.input<typeof HttpSmsOptionsSchema>;

/**
 * An `SmsPort` for any HTTP gateway, through an `HttpPort`: `POST url` with a JSON `{ to, body, from, reference }`, `Authorization: Bearer`
 * and `Idempotency-Key` headers; reads `id` (or `messageId`) from the JSON reply. 429/5xx are retriable (honouring
 * Retry-After), other 4xx are not.
 */
export function createHttpSms(options: HttpSmsOptions): SmsPort {
  const config = parseOptions(HttpSmsOptionsSchema, options, 'http sms');
  const owned = config.http === undefined;
  const http = config.http ?? createHttpClient({ allowedHosts: [new URL(config.url).host] });
  return {
    name: 'http-sms',
    async send(message: SmsMessage) {
      const to = PhoneNumberSchema.safeParse(message.to);
      if (!to.success)
        throw new NonRetriableError(`sms: recipient ${JSON.stringify(message.to)} ${to.error.issues[0]?.message}`);
      if (message.body.trim() === '') throw new NonRetriableError('sms: body is empty');
      let response: HttpResponse;
      try {
        response = await http.request({
          method: 'POST',
          url: config.url,
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
          timeoutMs: config.timeoutMs,
        });
      } catch (error) {
        throw new AdapterError('http-sms', `sms gateway unreachable: ${(error as Error).message}`, { cause: error });
      }
      const text = response.body;
      const status = response.status;
      if (status === 429 || status >= 500) {
        const retryAfterMs = parseRetryAfter(response.headers['retry-after'], Date.now());
        const reason = `sms gateway answered ${status}`;
        if (retryAfterMs !== null) throw new RetryAfterError(reason, retryAfterMs, { details: { status } });
        throw new AdapterError('http-sms', reason, { details: { status } });
      }
      if (status >= 400)
        throw new NonRetriableError(`sms gateway refused the message (${status}): ${text.slice(0, 200)}`);
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
    async close() {
      if (owned) await http.close();
    },
  };
}
