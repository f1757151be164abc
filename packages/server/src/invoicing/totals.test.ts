import { describe, expect, it } from 'vitest';
import { vatCentimes } from './money';
import { computeTotals } from './totals';

describe('invoice totals', () => {
  it('matches the design example: 1 × 500 and 3 × 150 at 8.1 %', () => {
    const totals = computeTotals([
      { quantity: 1, unitPrice: 50_000, vatRate: 810 },
      { quantity: 3, unitPrice: 15_000, vatRate: 810 },
    ]);
    expect(totals).toEqual({
      lineTotals: [50_000, 45_000],
      subtotal: 95_000,
      vatBreakdown: [{ rate: 810, base: 95_000, vat: 7695 }],
      vatAmount: 7695,
      total: 102_695,
      roundingAmount: 0,
      payableTotal: 102_695,
    });
  });

  it('rounds VAT once per rate on the total, not per line (1.00 + 1.78 → 0.23, not 0.22)', () => {
    const lines = [
      { quantity: 1, unitPrice: 100, vatRate: 810 },
      { quantity: 1, unitPrice: 178, vatRate: 810 },
    ];
    const perLine = lines.reduce((sum, line) => sum + vatCentimes(line.unitPrice, line.vatRate), 0);
    expect(perLine).toBe(22);
    const totals = computeTotals(lines);
    expect(totals.vatAmount).toBe(23);
    expect(totals.total).toBe(301);
    expect(totals.payableTotal).toBe(300);
    expect(totals.roundingAmount).toBe(-1);
  });

  it.each([
    // net 100.00 → VAT 8.10 → 108.10 (already a multiple of 5)
    [10_000, 10_810, 10_810, 0],
    // net 12.34 → VAT 1.00 (0.99954) → 13.34 → 13.35
    [1234, 1334, 1335, 1],
    // net 10.10 → VAT 0.82 (0.8181) → 10.92 → 10.90
    [1010, 1092, 1090, -2],
    // net 9.90 → VAT 0.80 (0.8019) → 10.70 → 10.70
    [990, 1070, 1070, 0],
    // net 13.00 → VAT 1.05 (1.053) → 14.05; net 13.10 → 1.06 (1.0611) → 14.16 → 14.15
    [1310, 1416, 1415, -1],
    // net 11.99 → VAT 0.97 (0.97119) → 12.96 → 12.95
    [1199, 1296, 1295, -1],
    // net 20.08 → VAT 1.63 (1.62648) → 21.71 → 21.70
    [2008, 2171, 2170, -1],
    // net 20.04 → VAT 1.62 (1.62324) → 21.66 → 21.65; net 20.14 → 1.63 → 21.77 → 21.75
    [2014, 2177, 2175, -2],
    // net 25.34 → VAT 2.05 (2.05254) → 27.39 → 27.40
    [2534, 2739, 2740, 1],
  ])('net %i centimes gives total %i and payable %i (rounding %i)', (net, total, payable, rounding) => {
    const totals = computeTotals([{ quantity: 1, unitPrice: net, vatRate: 810 }]);
    expect(totals.total).toBe(total);
    expect(totals.payableTotal).toBe(payable);
    expect(totals.roundingAmount).toBe(rounding);
    expect(totals.vatAmount).toBe(total - net);
  });

  it('keeps a base and a VAT amount per rate', () => {
    const totals = computeTotals([
      { quantity: 2, unitPrice: 1000, vatRate: 810 },
      { quantity: 1, unitPrice: 5000, vatRate: 260 },
      { quantity: 1, unitPrice: 999, vatRate: 0 },
    ]);
    expect(totals.vatBreakdown).toEqual([
      { rate: 810, base: 2000, vat: 162 },
      { rate: 260, base: 5000, vat: 130 },
      { rate: 0, base: 999, vat: 0 },
    ]);
    expect(totals.total).toBe(7999 + 292);
    expect(totals.payableTotal).toBe(8290);
  });
});
