import { describe, expect, it } from 'vitest';
import { createSecretCheck } from './same-secret';

describe('createSecretCheck', () => {
  const check = createSecretCheck();
  const secret = 'bench-secret-0123456789abcdef';

  it('accepts exactly the configured secret', () => {
    expect(check(secret, secret)).toBe(true);
    expect(check(secret, secret)).toBe(true);
  });

  it('refuses a different secret of the same length, and one differing only in its last byte', () => {
    expect(check('x'.repeat(secret.length), secret)).toBe(false);
    expect(check(`${secret.slice(0, -1)}g`, secret)).toBe(false);
  });

  it('refuses a prefix, an extension and the secret followed by NUL bytes (the padding)', () => {
    expect(check(secret.slice(0, -1), secret)).toBe(false);
    expect(check(`${secret}0`, secret)).toBe(false);
    expect(check(`${secret}\u0000`, secret)).toBe(false);
    expect(check('', secret)).toBe(false);
  });

  it('compares multi-byte characters by their bytes', () => {
    expect(check('clé-secrète-é', 'clé-secrète-é')).toBe(true);
    expect(check('cle-secrete-e', 'clé-secrète-é')).toBe(false);
  });

  it('refuses a text longer than the scratch buffer that starts with the secret', () => {
    expect(check(secret + 'a'.repeat(400), secret)).toBe(false);
  });

  it('checks a secret longer than 256 bytes through its digest', () => {
    const long = `${'s'.repeat(300)}-end`;
    expect(check(long, long)).toBe(true);
    expect(check(`${long.slice(0, -1)}x`, long)).toBe(false);
    expect(check(long.slice(0, 256), long)).toBe(false);
  });

  it('keeps each configured secret apart', () => {
    expect(check('first-secret', 'first-secret')).toBe(true);
    expect(check('first-secret', 'second-secret')).toBe(false);
    expect(check('second-secret', 'second-secret')).toBe(true);
  });
});
