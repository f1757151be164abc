import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { domainOf, messageIdFor } from './message-id';

describe('messageIdFor', () => {
  it('is the first 32 hex digits of the key’s SHA-256 at the domain, as before it moved to core', () => {
    const key = 'run-1:merci-é';
    const hex = createHash('sha256').update(key).digest('hex').slice(0, 32);
    expect(messageIdFor(key, 'boutique.ch')).toBe(`<${hex}@boutique.ch>`);
    expect(messageIdFor(key, 'boutique.ch')).toBe(messageIdFor(key, 'boutique.ch'));
    expect(messageIdFor('run-2:merci-é', 'boutique.ch')).not.toBe(messageIdFor(key, 'boutique.ch'));
  });

  it('takes the domain of the first sender address, or the fallback', () => {
    expect(domainOf('"Boutique" <Info@Boutique.CH>')).toBe('boutique.ch');
    expect(domainOf('info@shop.ch, other@else.ch')).toBe('shop.ch');
    expect(domainOf('no address')).toBe('swigs.local');
    expect(domainOf('no address', 'example.ch')).toBe('example.ch');
  });
});
