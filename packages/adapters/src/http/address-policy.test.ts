import { describe, expect, it } from 'vitest';
import { createAllowList, isAllowListEntry, isPrivateAddress } from './address-policy';

describe('isPrivateAddress', () => {
  it('classifies addresses for the SSRF guard', () => {
    for (const address of [
      '127.0.0.1',
      '10.0.0.1',
      '172.16.5.4',
      '192.168.1.1',
      '169.254.169.254',
      '100.64.0.1',
      '0.0.0.0',
      '::1',
      '::',
      'fe80::1',
      'fd12:3456::1',
      '::ffff:127.0.0.1',
      '::ffff:192.168.0.1',
    ]) {
      expect({ address, private: isPrivateAddress(address) }).toEqual({ address, private: true });
    }
    for (const address of ['8.8.8.8', '185.60.216.35', '2a00:1450:4002:402::200e', '::ffff:8.8.8.8']) {
      expect({ address, private: isPrivateAddress(address) }).toEqual({ address, private: false });
    }
  });
});

describe('createAllowList', () => {
  it('allows hosts by name, by host:port (default ports included) and by address', () => {
    const allow = createAllowList(['Hooks.Internal', 'localhost:8080', '[::1]:9000', '127.0.0.1']);
    expect(allow.invalid).toEqual([]);
    expect(allow.allowsUrl(new URL('https://hooks.internal/x'))).toBe(true);
    expect(allow.allowsUrl(new URL('http://localhost:8080/'))).toBe(true);
    expect(allow.allowsUrl(new URL('http://localhost:8081/'))).toBe(false);
    expect(allow.allowsUrl(new URL('http://[::1]:9000/'))).toBe(true);
    expect(allow.allowsUrl(new URL('http://127.0.0.1:1234/'))).toBe(true);
    expect(allow.allowsUrl(new URL('http://127.0.0.2/'))).toBe(false);
    expect(createAllowList(['shop.ch:443']).allowsUrl(new URL('https://shop.ch/'))).toBe(true);
    expect(createAllowList(['shop.ch:80']).allowsUrl(new URL('https://shop.ch/'))).toBe(false);
  });

  it('allows CIDR ranges of both families, IPv4-mapped addresses included', () => {
    const allow = createAllowList(['127.0.0.0/8', 'fd00::/8']);
    expect(allow.allowsAddress('127.0.0.9')).toBe(true);
    expect(allow.allowsAddress('::ffff:127.0.0.9')).toBe(true);
    expect(allow.allowsAddress('fd12::1')).toBe(true);
    expect(allow.allowsAddress('10.0.0.1')).toBe(false);
    expect(allow.allowsAddress('::1')).toBe(false);
    expect(allow.allowsUrl(new URL('http://127.1.2.3:80/'))).toBe(true);
    expect(allow.allowsAddress('not-an-address')).toBe(false);
  });

  it('names the entries it cannot read', () => {
    expect(createAllowList(['10.0.0.0/33', 'fd00::/129', 'a b', 'x/8', 'ok.example']).invalid).toEqual([
      '10.0.0.0/33',
      'fd00::/129',
      'a b',
      'x/8',
    ]);
    expect(isAllowListEntry('10.0.0.0/8')).toBe(true);
    expect(isAllowListEntry('http://x')).toBe(false);
  });
});
