import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { signCmsWebhook, verifyCmsWebhookSignature } from './signature';

const secret = 'whsec_0123456789abcdef';
const body = '{"event":"order.updated","data":{"_id":"a1","status":"paid"}}';
const now = new Date('2026-03-01T08:00:00Z');
const ts = Math.floor(now.getTime() / 1000);

describe('CMS webhook signatures', () => {
  it('signs HMAC-SHA256 over "<timestamp>.<raw body>" as documented', () => {
    const headers = signCmsWebhook(secret, body, { timestamp: ts });
    const expected = createHmac('sha256', secret).update(`${ts}.${body}`).digest('hex');
    expect(headers).toEqual({ 'x-swigs-timestamp': String(ts), 'x-swigs-signature': `v1=${expected}` });
  });

  it('accepts a valid signature whatever the header case, string or bytes', () => {
    const headers = signCmsWebhook(secret, body, { timestamp: ts });
    const upper = {
      'X-Swigs-Timestamp': headers['x-swigs-timestamp'],
      'X-Swigs-Signature': headers['x-swigs-signature'],
    };
    expect(verifyCmsWebhookSignature({ secret, rawBody: body, headers: upper, now, toleranceMs: 300_000 }).ok).toBe(
      true,
    );
    const bytes = new TextEncoder().encode(body);
    expect(verifyCmsWebhookSignature({ secret, rawBody: bytes, headers, now, toleranceMs: 300_000 }).ok).toBe(true);
  });

  it('accepts any one of several v1 signatures (secret rotation)', () => {
    const good = signCmsWebhook(secret, body, { timestamp: ts })['x-swigs-signature'];
    const old = signCmsWebhook('whsec_old_secret_000000', body, { timestamp: ts })['x-swigs-signature'];
    const headers = { 'x-swigs-timestamp': String(ts), 'x-swigs-signature': `${old}, ${good}` };
    expect(verifyCmsWebhookSignature({ secret, rawBody: body, headers, now, toleranceMs: 300_000 }).ok).toBe(true);
  });

  it('refuses a changed body, a wrong secret, a missing header and a stale or future timestamp', () => {
    const headers = signCmsWebhook(secret, body, { timestamp: ts });
    const check = (options: Partial<Parameters<typeof verifyCmsWebhookSignature>[0]>) =>
      verifyCmsWebhookSignature({ secret, rawBody: body, headers, now, toleranceMs: 300_000, ...options });
    expect(check({ rawBody: body.replace('paid', 'shipped') })).toEqual({ ok: false, reason: 'signature mismatch' });
    expect(check({ secret: 'whsec_another_secret_00' })).toEqual({ ok: false, reason: 'signature mismatch' });
    expect(check({ headers: { 'x-swigs-timestamp': String(ts) } })).toEqual({
      ok: false,
      reason: 'missing x-swigs-signature header',
    });
    expect(check({ now: new Date(now.getTime() + 300_001 + 1000) }).ok).toBe(false);
    expect(check({ now: new Date(now.getTime() - 301_000) }).ok).toBe(false);
    expect(check({ now: new Date(now.getTime() + 299_000) }).ok).toBe(true);
    const renamed = { ...headers, 'x-swigs-timestamp': String(ts + 1) };
    expect(check({ headers: renamed })).toEqual({ ok: false, reason: 'signature mismatch' });
    expect(check({ headers: { ...headers, 'x-swigs-timestamp': 'yesterday' } }).ok).toBe(false);
    expect(check({ headers: { ...headers, 'x-swigs-signature': 'sha256=abc' } }).ok).toBe(false);
  });
});
