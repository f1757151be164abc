import { lineNetCentimes, roundTo5Centimes, vatCentimes } from './money';

/** A priced line before totals: the net is computed here, never taken from the client. */
export interface PricedLine {
  quantity: number;
  unitPrice: number;
  /** VAT rate of this line in basis points. */
  vatRate: number;
}

/** Base and VAT of one rate. */
export interface VatGroup {
  rate: number;
  base: number;
  vat: number;
}

/** Every amount in centimes. */
export interface InvoiceTotals {
  lineTotals: number[];
  subtotal: number;
  vatBreakdown: VatGroup[];
  vatAmount: number;
  total: number;
  /** payableTotal − total, shown as its own "Arrondi" line. */
  roundingAmount: number;
  payableTotal: number;
}

/**
 * Computes an invoice's totals the Swiss way: line nets to 0.01, VAT per rate on the sum of that rate's nets
 * (rounded once, never per line), total to 0.01, payable total to 0.05.
 * @example computeTotals([{ quantity: 1, unitPrice: 50_000, vatRate: 810 }]).vatAmount // 4050
 */
export function computeTotals(lines: readonly PricedLine[]): InvoiceTotals {
  const lineTotals = lines.map((line) => lineNetCentimes(line.quantity, line.unitPrice));
  const bases = new Map<number, number>();
  lines.forEach((line, index) => bases.set(line.vatRate, (bases.get(line.vatRate) ?? 0) + lineTotals[index]!));
  const vatBreakdown = [...bases.entries()]
    .sort(([a], [b]) => b - a)
    .map(([rate, base]) => ({ rate, base, vat: vatCentimes(base, rate) }));
  const subtotal = lineTotals.reduce((sum, value) => sum + value, 0);
  const vatAmount = vatBreakdown.reduce((sum, group) => sum + group.vat, 0);
  const total = subtotal + vatAmount;
  const payableTotal = roundTo5Centimes(total);
  return { lineTotals, subtotal, vatBreakdown, vatAmount, total, roundingAmount: payableTotal - total, payableTotal };
}
