import { describe, expect, it } from 'vitest';
import { parseRetryAfter } from './retry-after';

const NOW = Date.parse('2026-03-02T09:00:00Z');

describe('parseRetryAfter', () => {
  it('reads seconds, fractions included', () => {
    expect(parseRetryAfter('30', NOW)).toBe(30_000);
    expect(parseRetryAfter(' 0 ', NOW)).toBe(0);
    expect(parseRetryAfter('1.5', NOW)).toBe(1500);
    expect(parseRetryAfter(['7', '9'], NOW)).toBe(7000);
  });

  it('reads an HTTP date relative to now, never negative', () => {
    expect(parseRetryAfter('Mon, 02 Mar 2026 09:02:00 GMT', NOW)).toBe(120_000);
    expect(parseRetryAfter('Mon, 02 Mar 2026 08:00:00 GMT', NOW)).toBe(0);
  });

  it('is null when absent or unreadable', () => {
    expect(parseRetryAfter(undefined, NOW)).toBeNull();
    expect(parseRetryAfter('', NOW)).toBeNull();
    expect(parseRetryAfter([], NOW)).toBeNull();
    expect(parseRetryAfter('soon', NOW)).toBeNull();
  });
});
