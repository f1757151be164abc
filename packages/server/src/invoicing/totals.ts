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

/** The totals a document stores and prints, every amount in centimes. */
export interface DocumentTotals {
  subtotal: number;
  /** One group per rate (basis points), highest first; empty without VAT registration. */
  vatBreakdown: VatGroup[];
  vatAmount: number;
  total: number;
  /** payableTotal − total, shown as its own "Arrondi" line. */
  roundingAmount: number;
  payableTotal: number;
}

/** The totals and each line's net. */
export interface InvoiceTotals extends DocumentTotals {
  lineTotals: number[];
}

/** The stored totals of `totals` (without the line nets). */
export function documentTotals(totals: DocumentTotals): DocumentTotals {
  return {
    subtotal: totals.subtotal,
    vatBreakdown: totals.vatBreakdown,
    vatAmount: totals.vatAmount,
    total: totals.total,
    roundingAmount: totals.roundingAmount,
    payableTotal: totals.payableTotal,
  };
}

/**
 * Computes an invoice's totals the Swiss way: line nets to 0.01, VAT per rate on the sum of that rate's nets
 * (rounded once, never per line), total to 0.01, payable total to 0.05. Without VAT registration there is no VAT
 * group at all (the lines' rates are 0 and nothing about VAT is printed).
 * @example computeTotals([{ quantity: 1, unitPrice: 50_000, vatRate: 810 }]).vatAmount // 4050
 */
export function computeTotals(lines: readonly PricedLine[], options: { vatRegistered?: boolean } = {}): InvoiceTotals {
  const lineTotals = lines.map((line) => lineNetCentimes(line.quantity, line.unitPrice));
  const bases = new Map<number, number>();
  lines.forEach((line, index) => {
    bases.set(line.vatRate, (bases.get(line.vatRate) ?? 0) + lineTotals[index]!);
  });
  const vatBreakdown = [...(options.vatRegistered === false ? [] : bases.entries())]
    .sort(([a], [b]) => b - a)
    .map(([rate, base]) => ({ rate, base, vat: vatCentimes(base, rate) }));
  const subtotal = lineTotals.reduce((sum, value) => sum + value, 0);
  const vatAmount = vatBreakdown.reduce((sum, group) => sum + group.vat, 0);
  const total = subtotal + vatAmount;
  const payableTotal = roundTo5Centimes(total);
  return { lineTotals, subtotal, vatBreakdown, vatAmount, total, roundingAmount: payableTotal - total, payableTotal };
}
