import { createHmac, timingSafeEqual } from 'node:crypto';

/** What an unsubscribe token stands for. */
export interface UnsubscribeClaims {
  /** Tenant (sender account). */
  userId: string;
  recipient: string;
  /** What is unsubscribed from, e.g. `marketing`. */
  scope: string;
}

/**
 * An opaque, HMAC-signed token for one-click unsubscribe links (RFC 8058): `<payload>.<signature>`, base64url.
 * @example
 * const token = createUnsubscribeToken({ userId, recipient: 'lea@example.ch', scope: 'marketing' }, secret);
 */
export function createUnsubscribeToken(claims: UnsubscribeClaims, secret: string): string {
  const payload = Buffer.from(
    JSON.stringify({ u: claims.userId, r: claims.recipient.toLowerCase(), s: claims.scope }),
  ).toString('base64url');
  return `${payload}.${sign(payload, secret)}`;
}

/** The claims of a token signed with `secret`, or null when it was tampered with or is malformed. */
export function verifyUnsubscribeToken(token: string, secret: string): UnsubscribeClaims | null {
  const [payload, signature, extra] = token.split('.');
  if (!payload || !signature || extra !== undefined) return null;
  const expected = Buffer.from(sign(payload, secret));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  try {
    const data = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as {
      u?: unknown;
      r?: unknown;
      s?: unknown;
    };
    if (typeof data.u !== 'string' || typeof data.r !== 'string' || typeof data.s !== 'string') return null;
    return { userId: data.u, recipient: data.r, scope: data.s };
  } catch {
    return null;
  }
}

/** `<baseUrl>/<token>`; `baseUrl` must be https for receivers to honour one-click unsubscribe. */
export function unsubscribeUrl(baseUrl: string, token: string): string {
  return `${baseUrl.replace(/\/+$/, '')}/${token}`;
}

function sign(payload: string, secret: string): string {
  return createHmac('sha256', secret).update(payload).digest('base64url');
}
