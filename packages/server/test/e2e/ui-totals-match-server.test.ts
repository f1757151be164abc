import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeTotals } from '../../src/invoicing/totals';
import { chfToCentimes, percentToBasisPoints } from '../../src/invoicing/money';
import { computeInvoiceTotals, VAT_RATES } from '../../ui/src/invoicing/invoice-totals';

const centimesText = (c: number): string =>
  `${c < 0 ? '-' : ''}${Math.floor(Math.abs(c) / 100)}.${String(Math.abs(c) % 100).padStart(2, '0')}`;

describe('the "Facture libre" live totals', () => {
  it('give the design example: 1 x 500 + 3 x 150 at 8.1 % = 1026.95', () => {
    const totals = computeInvoiceTotals(
      [
        { description: 'Conception', quantity: '1', unitPrice: '500' },
        { description: 'Intégration', quantity: '3', unitPrice: '150' },
      ],
      8.1,
    );
    expect(totals).toEqual({
      lines: [50_000, 45_000],
      subtotal: 95_000,
      vat: 7_695,
      total: 102_695,
      rounding: 0,
      payable: 102_695,
    });
  });

  it('read Swiss-typed numbers: apostrophes, a decimal comma, spaces', () => {
    const totals = computeInvoiceTotals([{ description: 'x', quantity: '1,5', unitPrice: "1'200.50" }], 0);
    expect(totals.subtotal).toBe(180_075);
  });

  it('equal the server totals for any lines and VAT rate (integer centimes, VAT per total, 0.05 rounding)', () => {
    const line = fc.record({
      quantityTenThousandths: fc.integer({ min: 1, max: 10_000_000 }),
      unitPrice: fc.integer({ min: -1_000_000, max: 10_000_000 }),
    });
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 12 }), fc.constantFrom(...VAT_RATES), (lines, rate) => {
        const client = computeInvoiceTotals(
          lines.map((l) => ({
            description: 'x',
            quantity: String(l.quantityTenThousandths / 10_000),
            unitPrice: centimesText(l.unitPrice),
          })),
          rate,
        );
        const server = computeTotals(
          lines.map((l) => ({
            quantity: l.quantityTenThousandths / 10_000,
            unitPrice: chfToCentimes(Number(centimesText(l.unitPrice))),
            vatRate: percentToBasisPoints(rate),
          })),
        );
        expect(client.lines).toEqual(server.lineTotals);
        expect({
          subtotal: client.subtotal,
          vat: client.vat,
          total: client.total,
          rounding: client.rounding,
          payable: client.payable,
        }).toEqual({
          subtotal: server.subtotal,
          vat: server.vatAmount,
          total: server.total,
          rounding: server.roundingAmount,
          payable: server.payableTotal,
        });
      }),
      { numRuns: 2000 },
    );
  });
});
