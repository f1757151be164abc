import { describe, expect, it } from 'vitest';
import { centimesToChf, chfToCentimes, lineNetCentimes, roundTo5Centimes, toScaled, vatCentimes } from './money';

describe('money in integer centimes', () => {
  it('converts CHF with up to 2 decimals exactly and refuses float noise', () => {
    expect(chfToCentimes(1026.95)).toBe(102_695);
    expect(chfToCentimes(0.1)).toBe(10);
    expect(chfToCentimes(-12.5)).toBe(-1250);
    expect(toScaled(0.1 + 0.2, 2)).toBeNull();
    expect(toScaled(1.005, 2)).toBeNull();
    expect(centimesToChf(102_695)).toBe(1026.95);
  });

  it('rounds line nets half away from zero, including hour fractions', () => {
    expect(lineNetCentimes(3, 15_000)).toBe(45_000);
    expect(lineNetCentimes(1.5, 12_000)).toBe(18_000);
    // 0.3333 h × 100.05 = 33.346665 → 33.35
    expect(lineNetCentimes(0.3333, 10_005)).toBe(3335);
    // 0.5 × 0.01 = 0.005 → 0.01 (half up), and −0.005 → −0.01 (away from zero)
    expect(lineNetCentimes(0.5, 1)).toBe(1);
    expect(lineNetCentimes(0.5, -1)).toBe(-1);
    // where a float product would be off: 1.1 × 1.10 = 1.2100000000000002
    expect(lineNetCentimes(1.1, 110)).toBe(121);
  });

  it('computes VAT at 8.1 % to the centime', () => {
    expect(vatCentimes(95_000, 810)).toBe(7695);
    expect(vatCentimes(278, 810)).toBe(23);
    expect(vatCentimes(100, 810)).toBe(8);
  });

  it.each([
    [100, 100],
    [101, 100],
    [102, 100],
    [103, 105],
    [107, 105],
    [108, 110],
    [109, 110],
    [102_695, 102_695],
    [-103, -105],
    [-102, -100],
    [0, 0],
  ])('rounds %i centimes to %i for 5-centime coins', (input, expected) => {
    expect(roundTo5Centimes(input)).toBe(expected);
  });
});
