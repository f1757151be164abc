import { describe, expect, it } from 'vitest';
import { formatCentimes, formatSwissAmount } from './format-centimes';

describe('formatCentimes', () => {
  it('prints Swiss francs with an apostrophe every three digits and two decimals', () => {
    expect(formatCentimes(102695)).toBe("CHF 1'026.95");
    expect(formatCentimes(123456789)).toBe("CHF 1'234'567.89");
    expect(formatCentimes(99_999_999_999)).toBe("CHF 999'999'999.99");
    expect(formatCentimes(100)).toBe('CHF 1.00');
    expect(formatCentimes(5)).toBe('CHF 0.05');
    expect(formatCentimes(0)).toBe('CHF 0.00');
  });

  it('puts the minus after the currency, and never prints minus zero', () => {
    expect(formatCentimes(-4500)).toBe('CHF -45.00');
    expect(formatCentimes(-123456)).toBe("CHF -1'234.56");
    expect(formatCentimes(-0)).toBe('CHF 0.00');
    expect(formatCentimes(-0.4)).toBe('CHF 0.00');
  });

  it('rounds a fractional centime half away from zero', () => {
    expect(formatSwissAmount(10.5)).toBe('0.11');
    expect(formatSwissAmount(-10.5)).toBe('-0.11');
    expect(formatSwissAmount(10.49)).toBe('0.10');
  });

  it('keeps every digit of amounts past 2^53 and prints nothing for a non-number', () => {
    expect(formatSwissAmount(1e23)).toBe("999'999'999'999'999'916'113.92");
    expect(formatCentimes(Number.NaN)).toBe('');
    expect(formatCentimes(Number.POSITIVE_INFINITY)).toBe('');
  });

  it('uses only ASCII characters, whatever ICU the runtime has', () => {
    // Intl's fr-CH and en-CH texts changed separators between Node 20, 22 and 24 (U+202F, U+2019, U+00A0).
    for (const centimes of [0, 5, 102695, -123456, 99_999_999_999]) {
      expect(formatCentimes(centimes)).toMatch(/^CHF -?\d{1,3}('\d{3})*\.\d{2}$/);
    }
  });
});
