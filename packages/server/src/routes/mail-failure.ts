import { isSwigsError } from '@swigs/automation-core';
import { HttpError } from '../http/http-error';

/**
 * A test send the SMTP server refused, as the answer the user needs: a permanent refusal (5xx) is 502 with the
 * server's reply (the address or content must change), a temporary one (4xx) 503 with Retry-After (try again).
 * Other failures are left to the one error handler.
 */
export function mailFailureAnswer(error: unknown): HttpError | undefined {
  if (!isSwigsError(error)) return undefined;
  const details = (error.details ?? {}) as { responseCode?: unknown; reply?: unknown };
  const code = typeof details.responseCode === 'number' ? details.responseCode : undefined;
  if (code === undefined) return undefined;
  const reason = typeof details.reply === 'string' ? details.reply.slice(0, 300) : String(code);
  if (code >= 500) return new HttpError(502, 'mail_rejected', { params: { reason } });
  if (code >= 400) {
    return new HttpError(503, 'mail_deferred', { params: { reason }, headers: { 'Retry-After': '60' } });
  }
  return undefined;
}
