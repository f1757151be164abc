import { describe, expect, it } from 'vitest';
import { createClientAddressResolver, parseTrustProxy } from './client-address';

describe('the client address behind trusted proxies', () => {
  it('is the socket when no proxy is trusted, whatever X-Forwarded-For says', () => {
    expect(createClientAddressResolver(false)('::ffff:10.0.0.9', '6.6.6.6')).toBe('10.0.0.9');
  });

  it('is the first untrusted hop from the right with a hop count', () => {
    const two = createClientAddressResolver(2);
    expect(two('10.0.0.2', '203.0.113.9, 10.0.0.1')).toBe('203.0.113.9');
    expect(two('10.0.0.2', '6.6.6.6, 203.0.113.9, 10.0.0.1')).toBe('203.0.113.9');
    expect(two('10.0.0.2', '10.0.0.1')).toBe('10.0.0.1');
    expect(createClientAddressResolver(true)('10.0.0.1', '6.6.6.6, 203.0.113.9')).toBe('203.0.113.9');
  });

  it('skips the listed proxy addresses and ranges from the right', () => {
    const listed = createClientAddressResolver(['10.0.0.0/8', '::1']);
    expect(listed('::1', '6.6.6.6, 203.0.113.9, 10.1.2.3')).toBe('203.0.113.9');
    expect(listed('192.0.2.1', '6.6.6.6')).toBe('192.0.2.1');
    expect(listed('::1', '[2001:db8::1]:443, 10.0.0.1')).toBe('2001:db8::1');
  });

  it('reads TRUST_PROXY as off, a hop count or addresses, and names a bad entry', () => {
    expect(parseTrustProxy(undefined)).toBe(false);
    expect(parseTrustProxy('false')).toBe(false);
    expect(parseTrustProxy('true')).toBe(true);
    expect(parseTrustProxy('2')).toBe(2);
    expect(parseTrustProxy('10.0.0.0/8, ::1')).toEqual(['10.0.0.0/8', '::1']);
    expect(() => parseTrustProxy('proxy.local')).toThrow(/"proxy.local"/);
  });
});
