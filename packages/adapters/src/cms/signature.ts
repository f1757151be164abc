import { createHmac, timingSafeEqual } from 'node:crypto';

/** Header carrying `v1=<hex HMAC-SHA256>`; several comma-separated entries are accepted (secret rotation). */
export const CMS_SIGNATURE_HEADER = 'x-swigs-signature';
/** Header carrying the signing instant in Unix seconds. */
export const CMS_TIMESTAMP_HEADER = 'x-swigs-timestamp';

/** Result of `verifyCmsWebhookSignature`. */
export type SignatureCheck = { ok: true; timestamp: number } | { ok: false; reason: string };

/** Input of `verifyCmsWebhookSignature`. */
export interface VerifyCmsWebhookOptions {
  secret: string;
  rawBody: string | Uint8Array;
  headers: Record<string, string | string[] | undefined>;
  now: Date;
  /** Largest accepted distance between `now` and the signed timestamp, either way. */
  toleranceMs: number;
}

/**
 * Headers for a webhook the CMS sends: HMAC-SHA256 with `secret` over `<timestamp>.<raw body bytes>`.
 * @example
 * const body = JSON.stringify({ event: 'order.updated', data: order });
 * await fetch(url, { method: 'POST', body, headers: { 'content-type': 'application/json', ...signCmsWebhook(secret, body) } });
 */
export function signCmsWebhook(
  secret: string,
  rawBody: string | Uint8Array,
  options: { timestamp?: number } = {},
): { [CMS_TIMESTAMP_HEADER]: string; [CMS_SIGNATURE_HEADER]: string } {
  const timestamp = options.timestamp ?? Math.floor(Date.now() / 1000);
  return {
    [CMS_TIMESTAMP_HEADER]: String(timestamp),
    [CMS_SIGNATURE_HEADER]: `v1=${hmacHex(secret, String(timestamp), rawBody)}`,
  };
}

/** Checks a webhook's signature and timestamp in constant time; the reason never echoes the secret. */
export function verifyCmsWebhookSignature(options: VerifyCmsWebhookOptions): SignatureCheck {
  const headers = lowerCaseHeaders(options.headers);
  const timestampText = headers[CMS_TIMESTAMP_HEADER];
  const signatureText = headers[CMS_SIGNATURE_HEADER];
  if (timestampText === undefined) return { ok: false, reason: `missing ${CMS_TIMESTAMP_HEADER} header` };
  if (signatureText === undefined) return { ok: false, reason: `missing ${CMS_SIGNATURE_HEADER} header` };
  if (!/^\d{1,12}$/.test(timestampText.trim())) {
    return { ok: false, reason: `${CMS_TIMESTAMP_HEADER} must be Unix seconds` };
  }
  const timestamp = Number(timestampText.trim());
  const skewMs = Math.abs(options.now.getTime() - timestamp * 1000);
  if (skewMs > options.toleranceMs) {
    return { ok: false, reason: `timestamp outside the ${Math.round(options.toleranceMs / 1000)} s tolerance` };
  }
  const expected = Buffer.from(hmacHex(options.secret, timestampText.trim(), options.rawBody), 'utf8');
  const candidates = signatureText
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part.startsWith('v1='))
    .map((part) => Buffer.from(part.slice(3).toLowerCase(), 'utf8'));
  if (candidates.length === 0) return { ok: false, reason: `${CMS_SIGNATURE_HEADER} has no v1= signature` };
  // Every candidate is compared (no early exit) so timing reveals nothing about which one matched.
  let matched = false;
  for (const candidate of candidates) {
    if (candidate.length === expected.length && timingSafeEqual(candidate, expected)) matched = true;
  }
  return matched ? { ok: true, timestamp } : { ok: false, reason: 'signature mismatch' };
}

function hmacHex(secret: string, timestamp: string, rawBody: string | Uint8Array): string {
  const body = typeof rawBody === 'string' ? Buffer.from(rawBody, 'utf8') : rawBody;
  return createHmac('sha256', secret).update(`${timestamp}.`, 'utf8').update(body).digest('hex');
}

function lowerCaseHeaders(headers: Record<string, string | string[] | undefined>): Record<string, string | undefined> {
  const out: Record<string, string | undefined> = {};
  for (const [name, value] of Object.entries(headers)) {
    out[name.toLowerCase()] = Array.isArray(value) ? value.join(',') : value;
  }
  return out;
}
